import { describe, expect, it } from 'vitest';
import { checkSecurity } from '../../plugins/validators/index.ts';
import { brief, contextOf, findingsOf } from './helpers.ts';

const security = (files: Record<string, string>, knownPackages?: string[]) =>
  findingsOf(checkSecurity(contextOf(files), knownPackages === undefined ? {} : { knownPackages }));

describe('security check: secrets', () => {
  it('passes configuration read from the environment, and placeholders', () => {
    expect(
      security({
        'src/config.ts': [
          'export const apiKey = process.env.OPENAI_API_KEY;',
          "export const password = process.env.DB_PASSWORD ?? '';",
          "const form = { type: 'password', passwordLabel: 'Password', placeholder: 'Enter your password' };",
          "export const example = { apiKey: 'your-api-key', secret: '<secret>', token: 'xxxxxxxx' };",
          "export const docs = 'set OPENAI_API_KEY=sk-your-key-here-from-dashboard';",
          'export { form };',
          '',
        ].join('\n'),
        '.env.example': 'OPENAI_API_KEY=\nDATABASE_URL=postgres://localhost/app\n',
      }),
    ).toEqual([]);
  });

  it('reports API keys by pattern, without repeating the key', () => {
    const findings = security({
      'src/keys.ts': [
        "const openai = 'sk-proj-4f9T2kq8ZrX7mB1nC5vD3wE6';",
        "const aws = 'AKIAIOSFODNN7EXAMPLE';",
        "const github = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';",
        'export { openai, aws, github };',
        '',
      ].join('\n'),
      'certs/key.pem': '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\n',
    });
    expect(findings).toEqual([
      {
        check: 'security',
        severity: 'error',
        file: 'certs/key.pem',
        line: 1,
        column: 1,
        message: 'hard-coded private key block: ----… (31 characters); read it from the environment instead',
        rule: 'hardcoded-secret',
      },
      {
        check: 'security',
        severity: 'error',
        file: 'src/keys.ts',
        line: 1,
        column: 17,
        message: 'hard-coded API key (sk-…): sk-p… (32 characters); read it from the environment instead',
        rule: 'hardcoded-secret',
      },
      {
        check: 'security',
        severity: 'error',
        file: 'src/keys.ts',
        line: 2,
        column: 14,
        message: 'hard-coded AWS access key id: AKIA… (20 characters); read it from the environment instead',
        rule: 'hardcoded-secret',
      },
      {
        check: 'security',
        severity: 'error',
        file: 'src/keys.ts',
        line: 3,
        column: 17,
        message: 'hard-coded GitHub token: ghp_… (40 characters); read it from the environment instead',
        rule: 'hardcoded-secret',
      },
    ]);
    expect(JSON.stringify(findings)).not.toContain('4f9T2kq8');
  });

  it('reports password and secret literals', () => {
    const findings = security({
      'src/db.js': "export const db = { host: 'localhost', password: 'hunter22' };\n",
      'config.json': '{\n  "jwtSecret": "s3cr3t-value-123"\n}\n',
    });
    expect(findings).toEqual([
      {
        check: 'security',
        severity: 'error',
        file: 'config.json',
        line: 2,
        column: 4,
        message: "hard-coded value for 'jwtSecret': s3cr… (16 characters); read it from the environment instead",
        rule: 'hardcoded-password',
      },
      {
        check: 'security',
        severity: 'error',
        file: 'src/db.js',
        line: 1,
        column: 40,
        message: "hard-coded value for 'password': hunt… (8 characters); read it from the environment instead",
        rule: 'hardcoded-password',
      },
    ]);
  });

  it('reports a .env file and the secrets set in it', () => {
    expect(security({ '.env': 'PORT=3000\nSTRIPE_SECRET_KEY=abc123def456\n' })).toEqual([
      {
        check: 'security',
        severity: 'warning',
        file: '.env',
        message: '.env should not be part of the generated project; ship a .env.example without values',
        rule: 'env-file',
      },
      {
        check: 'security',
        severity: 'error',
        file: '.env',
        line: 2,
        column: 1,
        message: 'STRIPE_SECRET_KEY has a value in .env: abc1… (12 characters); leave secrets out of generated files',
        rule: 'hardcoded-secret',
      },
    ]);
  });
});

describe('security check: dangerous code', () => {
  it('reports eval and the Function constructor', () => {
    const findings = security({ 'src/calc.js': 'export function run(src) {\n  eval(src);\n  return new Function("a", src);\n}\n' });
    expect(findings).toEqual([
      {
        check: 'security',
        severity: 'error',
        file: 'src/calc.js',
        line: 2,
        column: 3,
        message: 'eval() runs arbitrary code from a string; parse the data instead (JSON.parse) or call the function directly.',
        rule: 'no-eval',
      },
      {
        check: 'security',
        severity: 'error',
        file: 'src/calc.js',
        line: 3,
        column: 10,
        message: 'The Function constructor compiles code from strings like eval(); write the function instead.',
        rule: 'no-new-function',
      },
    ]);
  });

  it('reports exec and execSync with commands built from templates or concatenation', () => {
    const findings = security({
      'src/a.ts': "import { exec, execSync as run } from 'node:child_process';\nexport function a(f: string) {\n  exec(`ls ${f}`);\n  run('cat ' + f);\n}\n",
      'src/b.ts': "import * as cp from 'child_process';\nexport const b = (f: string) => cp.execSync(`rm -rf ${f}`);\n",
      'src/c.js': "const { exec } = require('child_process');\nconst cp = require('node:child_process');\nexports.c = (f) => { exec('x' + f); cp.exec(`y ${f}`); };\n",
    });
    expect(brief(findings)).toEqual([
      { file: 'src/a.ts', line: 3, column: 3, rule: 'shell-injection', severity: 'error' },
      { file: 'src/a.ts', line: 4, column: 3, rule: 'shell-injection', severity: 'error' },
      { file: 'src/b.ts', line: 2, column: 33, rule: 'shell-injection', severity: 'error' },
      { file: 'src/c.js', line: 3, column: 22, rule: 'shell-injection', severity: 'error' },
      { file: 'src/c.js', line: 3, column: 37, rule: 'shell-injection', severity: 'error' },
    ]);
    expect(findings[0]?.message).toBe(
      'exec() runs a command built from a template string in a shell; use execFile() or spawn() with an argument array.',
    );
    expect(findings[1]?.message).toContain('execSync() runs a command built from string concatenation');
  });

  it('does not confuse RegExp exec or fixed commands with shell injection', () => {
    expect(
      security({
        'src/a.ts': "import { execSync } from 'node:child_process';\nexport const v = execSync('git ' + '--version');\nexport const m = (s: string) => /a(b)/.exec(`x${s}`);\nconst exec = (s: string) => s;\nexport const e = (s: string) => exec(`x${s}`);\n",
      }),
    ).toEqual([]);
  });

  it('reports HTML built from values: innerHTML, insertAdjacentHTML, document.write, dangerouslySetInnerHTML', () => {
    const findings = security({
      'src/dom.ts': [
        'export function show(el: HTMLElement, name: string) {',
        '  el.innerHTML = `<b>${name}</b>`;',
        "  el.insertAdjacentHTML('beforeend', name);",
        '  document.write(name);',
        "  el.innerHTML = '<b>fixed</b>';",
        '  el.innerHTML = DOMPurify.sanitize(name);',
        '}',
        'declare const DOMPurify: { sanitize(s: string): string };',
        '',
      ].join('\n'),
      'src/View.tsx': 'export const View = ({ html }: { html: string }) => (\n  <div dangerouslySetInnerHTML={{ __html: html }} />\n);\nexport const Fixed = () => <div dangerouslySetInnerHTML={{ __html: "<br>" }} />;\n',
    });
    expect(brief(findings)).toEqual([
      { file: 'src/View.tsx', line: 2, column: 8, rule: 'unsafe-html', severity: 'error' },
      { file: 'src/dom.ts', line: 2, column: 3, rule: 'unsafe-html', severity: 'error' },
      { file: 'src/dom.ts', line: 3, column: 3, rule: 'unsafe-html', severity: 'error' },
      { file: 'src/dom.ts', line: 4, column: 3, rule: 'unsafe-html', severity: 'error' },
    ]);
    expect(findings[0]?.message).toBe('dangerouslySetInnerHTML is given a non-literal value; render it as text, or sanitize the HTML first.');
    expect(findings[1]?.message).toBe('innerHTML is assigned a non-literal value; use textContent, or sanitize the HTML first.');
  });
});

describe('security check: dependencies', () => {
  const manifest = (dependencies: Record<string, string>, devDependencies: Record<string, string> = {}) => ({
    'package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies, devDependencies }, null, 2),
  });

  it('passes exact versions of known packages', () => {
    expect(security(manifest({ react: '18.3.1', '@tanstack/react-query': '5.59.0' }, { typescript: '5.9.3' }))).toEqual([]);
  });

  it('reports each kind of unpinned or off-registry version on its line', () => {
    const findings = security(
      manifest(
        { react: '^18.3.1', express: '~4.21.0', lodash: '*', zod: 'latest', axios: '>=1.0.0', dayjs: '1.x' },
        { vite: 'github:vitejs/vite', vitest: 'git+https://github.com/vitest-dev/vitest.git', tsx: 'file:../tsx' },
      ),
    );
    expect(findings.map(({ line, severity, rule, message }) => ({ line, severity, rule, message }))).toEqual([
      { line: 5, severity: 'warning', rule: 'unpinned-dependency', message: '"react" is not pinned: "^18.3.1" allows newer versions; use the exact version "18.3.1"' },
      { line: 6, severity: 'warning', rule: 'unpinned-dependency', message: '"express" is not pinned: "~4.21.0" allows newer versions; use the exact version "4.21.0"' },
      { line: 7, severity: 'error', rule: 'unpinned-dependency', message: '"lodash" is not pinned: "*" accepts almost any version; use an exact version' },
      { line: 8, severity: 'error', rule: 'unpinned-dependency', message: '"zod" uses the tag "latest", which moves with every release; use an exact version' },
      { line: 9, severity: 'error', rule: 'unpinned-dependency', message: '"axios" is not pinned: ">=1.0.0" accepts almost any version; use an exact version' },
      { line: 10, severity: 'error', rule: 'unpinned-dependency', message: '"dayjs" is not pinned: "1.x" accepts almost any version; use an exact version' },
      { line: 13, severity: 'error', rule: 'non-registry-dependency', message: '"vite" is installed from "github:vitejs/vite" instead of the npm registry; use a published, exact version' },
      { line: 14, severity: 'error', rule: 'non-registry-dependency', message: '"vitest" is installed from "git+https://github.com/vitest-dev/vitest.git" instead of the npm registry; use a published, exact version' },
      { line: 15, severity: 'error', rule: 'non-registry-dependency', message: '"tsx" is installed from "file:../tsx" instead of the npm registry; use a published, exact version' },
    ]);
    expect(findings.every((finding) => finding.file === 'package.json' && finding.column === 5)).toBe(true);
  });

  it('reports invalid names, Node built-ins and unknown packages', () => {
    const findings = security(manifest({ 'React-DOM': '18.3.1', '.hidden': '1.0.0', fs: '0.0.1-security', 'reakt-dom': '18.3.1' }));
    expect(findings.map(({ severity, rule, message }) => ({ severity, rule, message }))).toEqual([
      { severity: 'error', rule: 'invalid-package-name', message: '"React-DOM" is not a valid npm package name: the name has capital letters' },
      { severity: 'error', rule: 'invalid-package-name', message: '".hidden" is not a valid npm package name: the name starts with . or _' },
      { severity: 'error', rule: 'builtin-as-dependency', message: '"fs" is a Node.js built-in module; the npm package of that name is not it, remove the dependency' },
      { severity: 'warning', rule: 'unknown-dependency', message: '"reakt-dom" is not on the list of known packages; check that it exists and is the intended package' },
    ]);
  });

  it('accepts extra known packages and scopes from the options', () => {
    const deps = manifest({ 'left-pad': '1.3.0', '@acme/ui': '2.0.0', '@other/x': '1.0.0' });
    expect(brief(security(deps)).map((finding) => finding.rule)).toEqual(['unknown-dependency', 'unknown-dependency', 'unknown-dependency']);
    expect(security(deps, ['left-pad', '@acme/*']).map((finding) => finding.message)).toEqual([
      '"@other/x" is not on the list of known packages; check that it exists and is the intended package',
    ]);
  });

  it('checks the real package behind an npm: alias', () => {
    const findings = security(manifest({ 'my-react': 'npm:react@^18.3.1', evil: 'npm:expresss@4.21.0' }));
    expect(findings.map((finding) => finding.message)).toEqual([
      '"my-react" is not on the list of known packages; check that it exists and is the intended package',
      '"react" is not pinned: "^18.3.1" allows newer versions; use the exact version "18.3.1"',
      '"evil" is not on the list of known packages; check that it exists and is the intended package',
      '"expresss" is not on the list of known packages; check that it exists and is the intended package',
    ]);
  });

  it('leaves invalid package.json to the syntax check', () => {
    expect(security({ 'package.json': '{ "dependencies": { "react": "*" }, }' })).toEqual([]);
  });

  it('advises an exact version even for a partial range', () => {
    expect(security(manifest({ react: '^18' }))[0]?.message).toBe('"react" is not pinned: "^18" allows newer versions; use an exact version');
  });
});
