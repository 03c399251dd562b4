import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PluginRegistry } from '../../core/plugin/registry.ts';
import { checkWorkflow, renderWorkflowJsonSchema } from '../../core/workflow/index.ts';
import { builtinPlugins } from '../../plugins/index.ts';
import { parse } from '../args.ts';
import { EXIT, UsageError, print, type Io } from '../io.ts';
import { config, withPlatform } from '../platform.ts';

export const workflowHelp = `Usage: qlayer workflow <command>

Commands:
  validate <file>...   check workflow files; every problem is printed as file:line:column
  schema               print the JSON Schema of the workflow language (for editors)
  list                 the registered workflows and their versions
All take --json.`;

export async function workflow(argv: readonly string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === '-h') {
    io.out(workflowHelp);
    return sub ? EXIT.ok : EXIT.usage;
  }
  const { values, positionals } = parse(rest, { json: { type: 'boolean' } }, `workflow ${sub}`);
  if (values.help) {
    io.out(workflowHelp);
    return EXIT.ok;
  }
  switch (sub) {
    case 'schema':
      io.out(renderWorkflowJsonSchema());
      return EXIT.ok;
    case 'validate':
      return validate(positionals, io);
    case 'list':
      return withPlatform(io, {}, async ({ db }) => {
        const rows = await db.query<{ id: string; name: string; version: string; createdAt: string }>(
          `select id, name, version, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt"
           from workflows order by name, created_at desc`,
        );
        print(io, rows, () => rows.map((r) => `${r.name.padEnd(24)} ${r.version.padEnd(10)} ${r.id.slice(0, 12)}  ${r.createdAt}`).join('\n') || 'no workflows');
        return EXIT.ok;
      });
    default:
      throw new UsageError(`unknown command 'workflow ${sub}' (see 'qlayer workflow --help')`);
  }
}

/** Checks files against the built-in and configured plugins, without opening the database. */
async function validate(files: readonly string[], io: Io): Promise<number> {
  if (files.length === 0) throw new UsageError('workflow validate takes one or more files');
  const registry = new PluginRegistry();
  for (const plugin of builtinPlugins) registry.register(plugin);
  const loaded = config(io);
  if (loaded.config.plugins.length > 0) {
    const { loadPlugins } = await import('../../core/plugin/loader.ts');
    const { PLATFORM_VERSION } = await import('../../core/platform.ts');
    const result = await loadPlugins(loaded.config.plugins, { baseDir: loaded.baseDir, registry, platformVersion: PLATFORM_VERSION });
    for (const error of result.errors) io.err(`warning: ${error.message}`);
  }
  const results: { file: string; valid: boolean; issues: { path: string; message: string }[] }[] = [];
  for (const file of files) {
    const path = resolve(io.cwd, file);
    if (!existsSync(path)) {
      results.push({ file, valid: false, issues: [{ path: file, message: 'no such file' }] });
      continue;
    }
    const issues = await checkWorkflow(readFileSync(path, 'utf8'), { registry, file });
    results.push({ file, valid: issues.length === 0, issues: issues.map((i) => ({ path: i.path, message: i.message })) });
  }
  print(io, results, () =>
    results.map((r) => (r.valid ? `✓ ${r.file}` : [`✗ ${r.file}`, ...r.issues.map((i) => `  ${i.path}: ${i.message}`)].join('\n'))).join('\n'),
  );
  return results.every((r) => r.valid) ? EXIT.ok : EXIT.failed;
}
