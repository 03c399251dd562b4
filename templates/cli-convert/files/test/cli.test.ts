import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appInfo } from '../src/app-info.ts';
import { format, parse, type InputFormat, type OutputFormat } from '../src/formats.ts';
import { runCli as run } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'cli-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const runCli = (args: string[], input?: string) => run(args, { cwd: dir, input });

// The same records written in each input format by hand, not by the code under test.
const fixtures: Record<InputFormat, string> = {
  csv: 'name,price,vegan\nCroissant,2.5,false\n"Rye, dark",4,true\n',
  tsv: 'name\tprice\tvegan\nCroissant\t2.5\tfalse\nRye, dark\t4\ttrue\n',
  json: '[{"name":"Croissant","price":2.5,"vegan":false},{"name":"Rye, dark","price":4,"vegan":true}]',
  jsonl: '{"name":"Croissant","price":2.5,"vegan":false}\n{"name":"Rye, dark","price":4,"vegan":true}\n',
};
const records = [
  { name: 'Croissant', price: 2.5, vegan: false },
  { name: 'Rye, dark', price: 4, vegan: true },
];

function readBack(to: OutputFormat, text: string): unknown {
  return to === 'markdown' ? text : parse(to, text);
}

describe(`${appInfo.command}`, () => {
  it(`converts ${appInfo.from} to ${appInfo.to} from a file`, async () => {
    const input = join(dir, `bakery.${appInfo.from}`);
    writeFileSync(input, fixtures[appInfo.from]);
    const result = await runCli([input]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    if (appInfo.to === 'markdown') expect(result.stdout).toContain('| Croissant | 2.5 | false |');
    else expect(readBack(appInfo.to, result.stdout)).toEqual(records);
  });

  it('reads standard input and writes --output', async () => {
    const output = join(dir, 'out.txt');
    const result = await runCli(['-o', output], fixtures[appInfo.from]);
    expect(result.code).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(format(appInfo.to, records));
  });

  it('converts between the other formats too', async () => {
    const result = await runCli(['--from', 'csv', '--to', 'jsonl'], fixtures.csv);
    expect(result.stdout).toBe(fixtures.jsonl);
  });

  it('prints help and version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(`Usage: ${appInfo.command}`);
    expect((await runCli(['--version'])).stdout.trim()).toBe(appInfo.version);
  });

  it('exits 2 on a wrong command line and 1 on unreadable input', async () => {
    const unknown = await runCli(['--nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--help');
    expect((await runCli(['--to', 'xml'])).code).toBe(2);
    const missing = await runCli([join(dir, 'missing.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('ENOENT');
  });
});
