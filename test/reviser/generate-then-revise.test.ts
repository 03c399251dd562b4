import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { qlayer } from '../cli/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'qlayer-gen-revise-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { QLAYER_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };

describe('qlayer generate, then qlayer revise on the folder alone', () => {
  it('revises a generated site from its qlayer.json, keeping a hand edit', async () => {
    const out = join(dir, 'bakery');
    const generated = await qlayer(['generate', 'a static website for a bakery with home, menu and contact pages', '-o', out, '--in-memory', '--json'], { cwd: dir, env });
    expect(generated.code, generated.stderr).toBe(0);
    expect(existsSync(join(out, 'qlayer.json'))).toBe(true);
    expect(existsSync(join(out, '.qlayer/base.json'))).toBe(true);
    const readme = readFileSync(join(out, 'README.md'), 'utf8');
    writeFileSync(join(out, 'README.md'), `${readme}\nOpening hours are on the door.\n`);

    const revised = await qlayer(['revise', out, 'add a pricing page', '--json'], { cwd: dir, env });
    expect(revised.code, revised.stderr).toBe(0);
    const report = JSON.parse(revised.stdout) as { changes: string[]; conflicts: string[]; entries: Array<{ path: string; status: string }> };
    expect(report.changes).toEqual(['added page Pricing (pricing.html)']);
    expect(report.conflicts).toEqual([]);
    expect(report.entries.some((e) => e.status === 'added' && e.path.includes('pricing'))).toBe(true);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('Opening hours are on the door.');
    expect(JSON.parse(readFileSync(join(out, 'qlayer.json'), 'utf8')).spec.pages.map((p: { slug: string }) => p.slug)).toContain('pricing');
  }, 180_000);
});
