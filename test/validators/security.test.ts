import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSecurity, RegistryClient, type RegistrySettings } from '../../plugins/validators/index.ts';
import { brief, contextOf, findingsOf } from './helpers.ts';

const security = async (files: Record<string, string>, options: Parameters<typeof checkSecurity>[1] = {}) =>
  findingsOf(await checkSecurity(contextOf(files), options));

const manifest = (dependencies: Record<string, string>) => JSON.stringify({ name: 'app', version: '1.0.0', dependencies }, null, 2);

describe('security check: secrets (secretlint, and what it has no pattern for)', () => {
  it('passes configuration read from the environment, and placeholders', async () => {
    expect(
      await security({
        'src/config.ts': [
          'export const apiKey = process.env.OPENAI_API_KEY;',
          "export const password = process.env.DB_PASSWORD ?? '';",
          "export const example = { apiKey: 'your-api-key', secret: '<secret>', token: 'xxxxxxxx' };",
          '',
        ].join('\n'),
        '.env.example': 'OPENAI_API_KEY=\nDATABASE_URL=postgres://localhost/app\n',
      }),
    ).toEqual([]);
  });

  it('reports cloud keys and tokens by secretlint rule, masked', async () => {
    const findings = await security({
      'src/keys.ts': "export const aws = 'AKIAQYLPMN5HHHFPZAM2';\nexport const github = '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';\n",
    });
    expect(brief(findings)).toEqual([
      { file: 'src/keys.ts', line: 1, column: 21, rule: '@secretlint/secretlint-rule-aws', severity: 'error' },
      { file: 'src/keys.ts', line: 2, column: 24, rule: '@secretlint/secretlint-rule-github', severity: 'error' },
    ]);
    expect(findings.map((finding) => finding.message).join()).not.toContain('wWPw5k4a');
  });

  it('reports secret-named literals and a .env file with values', async () => {
    const findings = await security({ 'src/db.ts': "export const dbPassword = 'hunter2hunter2';\n", '.env': 'API_TOKEN=abc123def456\n' });
    expect(brief(findings).map(({ file, rule }) => ({ file, rule }))).toEqual([
      { file: '.env', rule: 'env-file' },
      { file: '.env', rule: 'hardcoded-secret' },
      { file: 'src/db.ts', rule: 'hardcoded-password' },
    ]);
  });
});

describe('security check: code (ESLint security rules)', () => {
  it('reports eval, new Function, a shell command from input and HTML from input', async () => {
    const findings = await security({
      'src/danger.ts': [
        "import { exec } from 'node:child_process';",
        'export function run(input: string, el: HTMLElement): void {',
        '  eval(input);',
        "  new Function('a', input);",
        '  exec(`ls ${input}`);',
        '  el.innerHTML = input;',
        '}',
        '',
      ].join('\n'),
    });
    expect(brief(findings).map(({ line, rule }) => ({ line, rule }))).toEqual([
      { line: 3, rule: 'no-eval' },
      { line: 4, rule: 'no-new-func' },
      { line: 5, rule: 'security/detect-child-process' },
      { line: 6, rule: 'no-unsanitized/property' },
    ]);
  });

  it('leaves literal HTML and fixed commands alone', async () => {
    expect(await security({ 'src/ok.ts': "export function f(el: HTMLElement): void {\n  el.innerHTML = '<b>hi</b>';\n  /a/.exec('a');\n}\n" })).toEqual([]);
  });
});

describe('security check: dependencies without the registry', () => {
  it('reports unpinned, off-registry, invalid and built-in dependencies, and look-alikes, on their lines', async () => {
    const findings = await security({
      'package.json': manifest({ react: '^19.0.0', left: 'github:x/left', 'Bad Name': '1.0.0', fs: '1.0.0', recat: '1.0.0', zod: 'latest' }),
    });
    expect(brief(findings).map(({ line, rule, severity }) => ({ line, rule, severity }))).toEqual([
      { line: 5, rule: 'unpinned-dependency', severity: 'warning' },
      { line: 6, rule: 'non-registry-dependency', severity: 'error' },
      { line: 7, rule: 'invalid-package-name', severity: 'error' },
      { line: 8, rule: 'builtin-as-dependency', severity: 'error' },
      { line: 9, rule: 'possible-typosquat', severity: 'warning' },
      { line: 10, rule: 'unpinned-dependency', severity: 'error' },
    ]);
    expect(await security({ 'package.json': manifest({ recat: '1.0.0' }) }, { knownPackages: ['recat'] })).toEqual([]);
  });
});

describe('security check: dependencies against a registry', () => {
  let server: Server;
  let settings: RegistrySettings;
  const documents: Record<string, unknown> = {
    react: { versions: { '19.3.1': {}, '18.0.0': {} }, 'dist-tags': { latest: '19.3.1' } },
    request: { versions: { '2.88.2': { deprecated: 'request has been deprecated' } }, 'dist-tags': { latest: '2.88.2' } },
    '@scope/pkg': { versions: { '1.0.0': {} }, 'dist-tags': { latest: '1.0.0' } },
  };
  const asked: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const name = decodeURIComponent((request.url ?? '/').slice(1));
      asked.push(name);
      const document = documents[name];
      response.writeHead(document === undefined ? 404 : 200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(document ?? { error: 'Not found' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    settings = { url: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/`, timeoutMs: 2_000 };
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reports packages that do not exist, versions nobody published and deprecated versions', async () => {
    const client = new RegistryClient();
    const findings = await security(
      { 'package.json': manifest({ react: '19.3.1', 'reactt-dom': '1.0.0', request: '2.88.2', '@scope/pkg': '2.0.0' }) },
      { registry: settings, client },
    );
    expect(findings.map(({ line, rule, severity }) => ({ line, rule, severity }))).toEqual([
      { line: 6, rule: 'unknown-package', severity: 'error' },
      { line: 7, rule: 'deprecated-package', severity: 'warning' },
      { line: 8, rule: 'unsatisfiable-version', severity: 'error' },
    ]);
    expect(findings[0]?.message).toBe('"reactt-dom" does not exist on the npm registry; did you mean "react-dom"?');
    // Answers are cached: a second validation asks nothing again.
    const before = asked.length;
    await security({ 'package.json': manifest({ react: '19.3.1' }) }, { registry: settings, client });
    expect(asked.length).toBe(before);
  });

  it('degrades to one info finding when the registry cannot be reached', async () => {
    const findings = await security({ 'package.json': manifest({ react: '19.3.1' }) }, { registry: { url: 'http://127.0.0.1:9/', timeoutMs: 1_000 }, client: new RegistryClient() });
    expect(findings).toEqual([expect.objectContaining({ check: 'security', severity: 'info', rule: 'registry-unreachable' })]);
    expect(findings[0]?.message).toMatch(/^registry unreachable \(http:\/\/127\.0\.0\.1:9\/: /);
  });
});
