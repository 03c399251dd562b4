import { createApiKey, isScope, listApiKeys, revokeApiKey, SCOPES } from '../../core/auth/index.ts';
import { redactConfig } from '../../core/config/load.ts';
import { connect } from '../../core/db/connect.ts';
import { migrate, pendingMigrations } from '../../core/db/migrate.ts';
import { PLATFORM_VERSION } from '../../core/platform.ts';
import { listWorkers } from '../../core/runner/sql/workers.ts';
import { parse } from '../args.ts';
import { EXIT, UsageError, print, type Io } from '../io.ts';
import { config, withPlatform } from '../platform.ts';

export const pluginsHelp = `Usage: qlayer plugins list [--json]

Lists the loaded plugins (built-in and from qlayer.config.yaml) and their steps; --json
includes each step's input and output JSON Schema.`;

export const keysHelp = `Usage: qlayer keys <command>

Commands:
  create --scope read|write|admin [--name <name>]   prints the key once; store it safely
  list
  revoke <key id>
All take --json.`;

export const migrateHelp = `Usage: qlayer migrate

Applies pending database migrations (the server and workers also do this at start-up).`;

export const doctorHelp = `Usage: qlayer doctor [--json]

Prints the effective configuration (secrets hidden) and checks the database, migrations,
plugins, workers, the sandbox for generated code (bubblewrap, unsafe, or unavailable) and each
configured LLM provider. Exits 1 when a check fails.`;

export async function plugins(argv: readonly string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  const { values } = parse(rest, { json: { type: 'boolean' } }, 'plugins');
  if (values.help || sub === '--help' || sub === '-h') {
    io.out(pluginsHelp);
    return EXIT.ok;
  }
  if (sub !== 'list') throw new UsageError(`unknown command 'plugins ${sub ?? ''}' (see 'qlayer plugins --help')`);
  return withPlatform(io, { inMemory: true }, async ({ registry, warnings }) => {
    const list = registry.list();
    for (const w of warnings) io.err(`warning: ${w}`);
    print(io, list, () =>
      list.map((p) => [`${p.name}@${p.version}  (${p.source})${p.description ? ` — ${p.description}` : ''}`, ...p.steps.map((s) => `  ${s.uses}${s.description ? `  ${s.description}` : ''}`)].join('\n')).join('\n'),
    );
    return EXIT.ok;
  });
}

export async function keys(argv: readonly string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === '-h') {
    io.out(keysHelp);
    return sub ? EXIT.ok : EXIT.usage;
  }
  const { values, positionals } = parse(rest, { scope: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' } }, `keys ${sub}`);
  if (values.help) {
    io.out(keysHelp);
    return EXIT.ok;
  }
  return withPlatform(io, {}, async ({ db }) => {
    switch (sub) {
      case 'create': {
        if (!isScope(values.scope)) throw new UsageError(`--scope must be one of ${SCOPES.join(', ')}`);
        const created = await createApiKey(db, { name: values.name ?? `${values.scope} key`, scope: values.scope });
        print(io, created, () => `${created.key}\n(key ${created.id}, scope ${created.scope}; shown once — it is stored only as a hash)`);
        return EXIT.ok;
      }
      case 'list': {
        const list = await listApiKeys(db);
        print(io, list, () => list.map((k) => `${k.id}  ${k.scope.padEnd(5)}  ${k.name}${k.revokedAt ? '  (revoked)' : ''}`).join('\n') || 'no keys');
        return EXIT.ok;
      }
      case 'revoke': {
        if (positionals.length !== 1) throw new UsageError('keys revoke takes one key id');
        const revoked = await revokeApiKey(db, positionals[0]!);
        print(io, revoked, () => `revoked ${revoked.id}`);
        return EXIT.ok;
      }
      default:
        throw new UsageError(`unknown command 'keys ${sub}' (see 'qlayer keys --help')`);
    }
  });
}

export async function migrateCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse(argv, { json: { type: 'boolean' } }, 'migrate');
  if (values.help) {
    io.out(migrateHelp);
    return EXIT.ok;
  }
  const { config: cfg, baseDir } = config(io);
  const { resolve } = await import('node:path');
  const { lockDataDir } = await import('../../core/db/lock.ts');
  const dataDir = resolve(baseDir, cfg.database.dataDir);
  const unlock = cfg.database.url ? () => {} : lockDataDir(dataDir);
  const db = await connect(cfg.database.url ? { url: cfg.database.url } : { dataDir });
  try {
    const applied = await migrate(db);
    print(io, { applied }, () => (applied.length ? `applied ${applied.join(', ')}` : 'the database is up to date'));
    return EXIT.ok;
  } finally {
    await db.close();
    unlock();
  }
}

export async function doctor(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse(argv, { json: { type: 'boolean' } }, 'doctor');
  if (values.help) {
    io.out(doctorHelp);
    return EXIT.ok;
  }
  const loaded = config(io);
  return withPlatform(io, {}, async (platform) => {
    const checks: { name: string; ok: boolean; detail: string }[] = [];
    const t0 = performance.now();
    await platform.db.query('select 1');
    checks.push({ name: 'database', ok: true, detail: `${platform.db.kind} answered in ${Math.round(performance.now() - t0)} ms` });
    const pending = await pendingMigrations(platform.db);
    checks.push({ name: 'migrations', ok: pending.length === 0, detail: pending.length ? `pending: ${pending.join(', ')}` : 'all applied' });
    checks.push({ name: 'plugins', ok: platform.warnings.length === 0, detail: `${platform.registry.pluginNames().join(', ')}${platform.warnings.length ? `; ${platform.warnings.join('; ')}` : ''}` });
    const workers = await listWorkers(platform.db, 3 * 30_000);
    checks.push({ name: 'workers', ok: true, detail: `${workers.filter((w) => w.alive).length} alive` });
    const { probeSandbox } = await import('../../core/sandbox/index.ts');
    const sandbox = (await probeSandbox(loaded.config.sandbox)).status;
    // Unsafe is the operator's choice, so it passes; unavailable means runtime checks and previews are refused.
    checks.push({ name: 'sandbox', ok: sandbox.mode !== 'unavailable', detail: `${sandbox.mode}: ${sandbox.detail}` });
    if (loaded.config.llm !== undefined) {
      const { doctor: llmDoctor } = await import('../../core/llm/index.ts');
      for (const c of await llmDoctor(loaded.config.llm, io.env)) {
        checks.push({ name: `llm:${c.provider}`, ok: c.ok, detail: c.ok ? `answered in ${c.latencyMs} ms` : (c.error?.message ?? 'failed') });
      }
    } else {
      checks.push({ name: 'llm', ok: true, detail: 'not configured: generation uses the offline templates' });
    }
    const report = { version: PLATFORM_VERSION, config: redactConfig(loaded.config), configFile: loaded.file ?? null, checks };
    print(io, report, () =>
      [
        `QuantumLayer ${PLATFORM_VERSION}  config: ${loaded.file ?? '(defaults and environment)'}`,
        JSON.stringify(report.config, null, 2),
        ...checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}`),
      ].join('\n'),
    );
    return checks.every((c) => c.ok) ? EXIT.ok : EXIT.failed;
  });
}
