import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { qlayer } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'qlayer-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { QLAYER_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };

describe('the qlayer binary', () => {
  it('prints help and exits 0; no command is a usage error (2)', async () => {
    const help = await qlayer(['--help'], { cwd: dir, env });
    expect(help.code).toBe(0);
    for (const command of ['generate', 'serve', 'worker', 'run', 'runs', 'workflow', 'plugins', 'keys', 'migrate', 'doctor']) {
      expect(help.stdout).toContain(`  ${command}`);
    }
    expect((await qlayer([], { cwd: dir, env })).code).toBe(2);
    const sub = await qlayer(['generate', '--help'], { cwd: dir, env });
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('Usage: qlayer generate');
  }, 60_000);

  it('rejects unknown commands and flags with exit code 2 and a pointer to --help', async () => {
    const unknown = await qlayer(['frobnicate'], { cwd: dir, env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const flag = await qlayer(['generate', 'x', '--colour'], { cwd: dir, env });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/Unknown option '--colour'.*qlayer generate --help/);
    const json = await qlayer(['runs', 'list', '--limit', 'lots', '--json'], { cwd: dir, env });
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ error: { code: 'usage', message: '--limit must be a whole number from 1 to 200' } });
  }, 60_000);

  it('generates a project into a folder, with JSON output, and the run is listed afterwards', async () => {
    const out = join(dir, 'bakery');
    const result = await qlayer(['generate', 'a static website for a bakery with home, menu and contact pages', '-o', out, '--json'], { cwd: dir, env });
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as { status: string; kind: string; dir: string; files: number; runId: string };
    expect(summary).toMatchObject({ status: 'completed', kind: 'static-site', dir: out });
    expect(existsSync(join(out, 'package.json'))).toBe(true);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('npm install');
    const again = await qlayer(['generate', 'a static website for a bakery', '-o', out], { cwd: dir, env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('exists and is not empty');
    const listed = await qlayer(['runs', 'list', '--json'], { cwd: dir, env });
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as { runs: { id: string }[] }).runs.map((r) => r.id)).toContain(summary.runId);
    const shown = await qlayer(['runs', 'show', summary.runId], { cwd: dir, env });
    expect(shown.stdout).toMatch(/completed\s+package/);
  }, 180_000);

  it('says in sentences what was asked for and not built, and scores it', async () => {
    const out = join(dir, 'bakery-news');
    const result = await qlayer(['generate', 'a static website for a bakery with home and contact pages and a newsletter', '-o', out, '--in-memory'], { cwd: dir, env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Asked for but not built:\n  - Newsletter: not built — no e-mails are sent.');
    const score = Number(/score (\d+)\/100/.exec(result.stdout)?.[1]);
    expect(score).toBeLessThan(100);
    expect(score).toBeGreaterThan(0);
  }, 180_000);

  it('exits 1 with the reason when the prompt cannot be generated', async () => {
    const result = await qlayer(['generate', 'make me a sandwich', '--in-memory', '--json'], { cwd: dir, env });
    expect(result.code).toBe(1);
    const body = JSON.parse(result.stdout) as { status: string; error: { message: string } };
    expect(body.status).toBe('failed');
    expect(body.error.message).toMatch(/parse/);
  }, 120_000);

  it('validates workflow files, naming file, line and column, and prints the schema', async () => {
    const good = join(dir, 'good.yaml');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(good, 'name: hello\nsteps:\n  - id: parse\n    uses: parser/parse\n    with: { prompt: hi }\n');
    writeFileSync(bad, 'name: broken\nsteps:\n  - id: parse\n    uses: parser/parsee\n');
    expect((await qlayer(['workflow', 'validate', good], { cwd: dir, env })).code).toBe(0);
    const failed = await qlayer(['workflow', 'validate', good, bad], { cwd: dir, env });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('✓ ');
    expect(failed.stdout).toMatch(/bad\.yaml:4:\d+: .*parser\/parse/);
    const schema = await qlayer(['workflow', 'schema'], { cwd: dir, env });
    expect(JSON.parse(schema.stdout)).toHaveProperty('$schema');
  }, 60_000);

  it('reports an invalid configuration with exit code 3, naming the file, line and value', async () => {
    const cfgDir = mkdtempSync(join(dir, 'cfg-'));
    writeFileSync(join(cfgDir, 'qlayer.config.yaml'), 'server:\n  port: 99999\nworkr: {}\n');
    const result = await qlayer(['doctor'], { cwd: cfgDir, env });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/qlayer\.config\.yaml:2: server\.port/);
    expect(result.stderr).toContain('workr');
    const fromEnv = await qlayer(['doctor'], { cwd: dir, env: { ...env, PORT: 'eighty' } });
    expect(fromEnv.code).toBe(3);
    expect(fromEnv.stderr).toContain('environment variable PORT');
  }, 60_000);

  it('lists plugins with their schemas as JSON, and doctor hides secrets', async () => {
    const plugins = await qlayer(['plugins', 'list', '--json'], { cwd: dir, env });
    expect(plugins.code).toBe(0);
    const list = JSON.parse(plugins.stdout) as { name: string; steps: { uses: string; inputSchema: unknown }[] }[];
    expect(list.map((p) => p.name)).toEqual(expect.arrayContaining(['parser', 'agents', 'templates', 'validators', 'packager']));
    expect(list.find((p) => p.name === 'parser')!.steps[0]!.inputSchema).toHaveProperty('properties.prompt');
    const doctor = await qlayer(['doctor', '--json'], { cwd: dir, env: { ...env, DATABASE_URL: 'postgres://root:hunter2@127.0.0.1:5432/test' } });
    expect(doctor.stdout).not.toContain('hunter2');
    expect(JSON.parse(doctor.stdout)).toMatchObject({ config: { database: { url: 'postgres://root:***@127.0.0.1:5432/test' } } });
  }, 60_000);
});
