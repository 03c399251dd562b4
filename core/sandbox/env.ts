import { SandboxEnvError } from './errors.ts';

/** Directories the sandboxed process gets instead of the real user's. */
export interface SandboxDirs {
  homeDir: string;
  tmpDir: string;
  npmCacheDir: string;
}

export interface SandboxEnvOptions extends SandboxDirs {
  /** Heap limit for node children (npm included), in MiB. */
  memoryMb?: number;
  /** Sets NODE_ENV; unset by default because `production` makes `npm install` skip devDependencies. */
  nodeEnv?: string;
  /** Extra variables; names that look like credentials are refused. */
  extra?: Readonly<Record<string, string>>;
}

/**
 * Variables copied from the parent when present. None of them carries a credential; the TLS and
 * proxy ones are what lets npm reach the registry from behind a corporate proxy.
 */
const INHERITED = [
  'PATH',
  'LANG',
  'TZ',
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
] as const;

/** Proxy URLs are inherited only when they carry no user name or password. */
const PROXIES = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'] as const;

const SECRET_NAME =
  /(^QLAYER_|^DATABASE_URL$|^PG(PASSWORD|PASSFILE)$|KEY|TOKEN|SECRET|PASSW|CREDENTIAL|AUTH|PRIVATE|COOKIE|SESSION|SIGNATURE)/i;

/** True for names such as OPENAI_API_KEY, GITHUB_TOKEN, QLAYER_DB, DATABASE_URL, AWS_SECRET_ACCESS_KEY. */
export function isSecretLikeName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/**
 * Builds a child environment from an allow-list. `parent` is read only for the names in the
 * list, never copied wholesale, so whatever secrets the platform holds stay in the platform.
 */
export function buildSandboxEnv(
  parent: Readonly<Record<string, string | undefined>>,
  options: SandboxEnvOptions,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = parent[name];
    if (value !== undefined && value !== '') env[name] = value;
  }
  for (const name of PROXIES) {
    const value = parent[name];
    if (value !== undefined && value !== '' && !hasCredentials(value)) env[name] = value;
  }
  env.LANG ??= 'C.UTF-8';
  Object.assign(env, {
    HOME: options.homeDir,
    TMPDIR: options.tmpDir,
    TMP: options.tmpDir,
    TEMP: options.tmpDir,
    // Plain output: findings quote it, and escape codes would only get in the way.
    TERM: 'dumb',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    CI: 'true',
    npm_config_cache: options.npmCacheDir,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  });
  if (options.memoryMb !== undefined) env.NODE_OPTIONS = `--max-old-space-size=${Math.floor(options.memoryMb)}`;
  if (options.nodeEnv !== undefined) env.NODE_ENV = options.nodeEnv;
  for (const [name, value] of Object.entries(options.extra ?? {})) {
    if (isSecretLikeName(name)) throw new SandboxEnvError(name);
    env[name] = value;
  }
  return env;
}

function hasCredentials(value: string): boolean {
  try {
    const url = new URL(value);
    return url.username !== '' || url.password !== '';
  } catch {
    // NO_PROXY is a host list, not a URL; an '@' anywhere else is treated as credentials.
    return value.includes('@');
  }
}
