import type { GeneratedFile } from '../../project.ts';

/** What `npm init` writes; running it only proves the project has no tests. */
const NPM_INIT_TEST = /no test specified/;

export type ScriptLookup = { script: string } | { skipped: string };

/** The root package.json's script `name`, or why there is nothing to run. */
export function findScript(files: readonly GeneratedFile[], name: 'build' | 'test'): ScriptLookup {
  const manifest = files.find((file) => file.path === 'package.json');
  if (manifest === undefined) return { skipped: 'no package.json' };
  let scripts: unknown;
  try {
    scripts = (JSON.parse(manifest.content) as { scripts?: unknown }).scripts;
  } catch {
    return { skipped: 'package.json is not valid JSON' };
  }
  const script = typeof scripts === 'object' && scripts !== null ? (scripts as Record<string, unknown>)[name] : undefined;
  if (typeof script !== 'string' || script.trim() === '') return { skipped: `no "${name}" script` };
  if (name === 'test' && NPM_INIT_TEST.test(script)) return { skipped: 'the "test" script is npm\'s placeholder' };
  return { script };
}
