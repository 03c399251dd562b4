import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { ConfigError, type ValidationIssue } from '../errors.ts';
import { configSchema, type Config } from './schema.ts';

export const CONFIG_FILE = 'qlayer.config.yaml';
const MAX_CONFIG_BYTES = 256 * 1024;

export interface LoadedConfig {
  config: Config;
  /** The file read, if any. */
  file: string | undefined;
  /** Relative paths in the config (plugins, data dir) are resolved against this folder. */
  baseDir: string;
}

/** Environment variables that override the file, and where each lands. */
const ENV_OVERRIDES: Record<string, string[]> = {
  DATABASE_URL: ['database', 'url'],
  QLAYER_DATA_DIR: ['database', 'dataDir'],
  HOST: ['server', 'host'],
  PORT: ['server', 'port'],
  QLAYER_PREVIEW_PORT: ['preview', 'port'],
  QLAYER_SANDBOX: ['sandbox', 'mode'],
  QLAYER_WORKER_CONCURRENCY: ['worker', 'concurrency'],
  QLAYER_IN_PROCESS_WORKER: ['worker', 'inProcess'],
  LOG_LEVEL: ['logLevel'],
};

/**
 * Reads `qlayer.config.yaml` (or the file named by QLAYER_CONFIG or `file`), applies
 * environment overrides and validates the result. Every wrong value is reported at once,
 * naming its place (file and line, or the environment variable).
 */
export function loadConfig(options: { cwd?: string; file?: string; env?: Record<string, string | undefined> } = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const explicit = options.file ?? env.QLAYER_CONFIG;
  const file = explicit ? resolve(cwd, explicit) : existsSync(resolve(cwd, CONFIG_FILE)) ? resolve(cwd, CONFIG_FILE) : undefined;
  let raw: Record<string, unknown> = {};
  let doc: ReturnType<typeof parseDocument> | undefined;
  let source = '';
  if (file) {
    if (!existsSync(file)) throw new ConfigError(`config file ${file} does not exist`);
    const text = readFileSync(file, 'utf8');
    if (text.length > MAX_CONFIG_BYTES) throw new ConfigError(`config file ${file} is larger than ${MAX_CONFIG_BYTES} bytes`);
    doc = parseDocument(text, { prettyErrors: true });
    source = text;
    if (doc.errors.length > 0) {
      throw new ConfigError(
        `config file ${file} is not valid YAML`,
        doc.errors.map((e) => ({ path: `${file}:${e.linePos?.[0]?.line ?? 0}:${e.linePos?.[0]?.col ?? 0}`, message: e.message.split('\n')[0]! })),
      );
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
      throw new ConfigError(`config file ${file} must be a mapping of settings`);
    }
    raw = (value as Record<string, unknown> | null) ?? {};
  }
  const fromEnv = new Map<string, string>();
  for (const [name, path] of Object.entries(ENV_OVERRIDES)) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    setPath(raw, path, value);
    fromEnv.set(path.join('.'), name);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issues: ValidationIssue[] = parsed.error.issues.map((issue) => {
      const dotted = issue.path.map(String).join('.');
      const envName = fromEnv.get(dotted);
      const where = envName ? `environment variable ${envName}` : file ? `${file}${lineOf(doc, source, issue.path)}: ${dotted || '(root)'}` : dotted || '(root)';
      const unknown = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
      return { path: where, message: `${issue.message}${unknown}` };
    });
    throw new ConfigError(`configuration is invalid:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`, issues);
  }
  return { config: parsed.data, file, baseDir: file ? dirname(file) : cwd };
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function lineOf(doc: ReturnType<typeof parseDocument> | undefined, text: string, path: readonly PropertyKey[]): string {
  if (!doc) return '';
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth).map((p) => (typeof p === 'symbol' ? String(p) : p)), true) as { range?: [number, number, number] } | undefined;
    const offset = node?.range?.[0];
    if (offset !== undefined) {
      const line = text.slice(0, offset).split('\n').length;
      return `:${line}`;
    }
  }
  return '';
}

/** The effective configuration with secrets masked, for `qlayer doctor` and logs. */
export function redactConfig(config: Config): unknown {
  const clone = JSON.parse(JSON.stringify(config)) as Config;
  if (clone.database.url) clone.database.url = clone.database.url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
  return redactKeys(clone);
}

function redactKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, /(secret|password|token|apikey|api_key)$/i.test(k) && typeof v === 'string' ? '***' : redactKeys(v)]),
  );
}
