import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { LINT_PACKAGES, VERSIONS } from '../../plugins/generator-templates/versions.ts';
import { checkLint } from '../../plugins/validators/index.ts';
import { brief, contextOf, findingsOf } from './helpers.ts';

const lint = async (files: Record<string, string>) => findingsOf(await checkLint(contextOf(files)));

describe('lint check (ESLint with the shipped eslint.config.js)', () => {
  it('passes clean code, including the `== null` idiom and a commented empty catch', async () => {
    expect(
      await lint({
        'src/list.ts': [
          "import { readFileSync } from 'node:fs';",
          'export function names(path: string): string[] {',
          "  const text = readFileSync(path, 'utf8');",
          '  try {',
          '    return JSON.parse(text) as string[];',
          '  } catch {',
          '    // not JSON: one name per line',
          "    return text == null ? [] : text.split('\\n');",
          '  }',
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([]);
  });

  it('reports loose equality, var and debugger by ESLint rule id, at their place', async () => {
    const findings = await lint({ 'src/a.js': 'export function f(a, b) {\n  var c = a == b;\n  debugger;\n  return c;\n}\n' });
    expect(brief(findings)).toEqual([
      { file: 'src/a.js', line: 2, column: 3, rule: 'no-var', severity: 'error' },
      { file: 'src/a.js', line: 2, column: 13, rule: 'eqeqeq', severity: 'error' },
      { file: 'src/a.js', line: 3, column: 3, rule: 'no-debugger', severity: 'error' },
    ]);
    expect(findings[1]?.message).toBe("Expected '===' and instead saw '=='.");
  });

  it('warns about unused imports and variables', async () => {
    const findings = await lint({ 'src/a.ts': "import { readFile } from 'node:fs';\nexport function f() {\n  const unused = 1;\n}\n" });
    expect(brief(findings)).toEqual([
      { file: 'src/a.ts', line: 1, column: 10, rule: '@typescript-eslint/no-unused-vars', severity: 'warning' },
      { file: 'src/a.ts', line: 3, column: 9, rule: '@typescript-eslint/no-unused-vars', severity: 'warning' },
    ]);
  });

  it('reports a hook called in a condition', async () => {
    const findings = await lint({
      'src/Panel.tsx': "import { useState } from 'react';\nexport function Panel({ open }: { open: boolean }) {\n  if (open) {\n    const [n] = useState(0);\n    return <p>{n}</p>;\n  }\n  return null;\n}\n",
    });
    expect(brief(findings)).toEqual([{ file: 'src/Panel.tsx', line: 4, column: 17, rule: 'react-hooks/rules-of-hooks', severity: 'error' }]);
  });

  it('reports a floating promise with the types of the project', async () => {
    const findings = await lint({
      'src/save.ts': 'async function save(): Promise<void> {}\nexport function run(): void {\n  save();\n}\n',
    });
    expect(brief(findings)).toEqual([{ file: 'src/save.ts', line: 3, column: 3, rule: '@typescript-eslint/no-floating-promises', severity: 'error' }]);
  });

  it('names the tools with their versions and the rules it ran', async () => {
    const outcome = await checkLint(contextOf({ 'src/a.ts': 'export const a = 1;\n' }));
    expect(outcome).toMatchObject({ tools: expect.arrayContaining([{ name: 'eslint', version: '10.16.0' }, { name: 'typescript-eslint', version: '8.74.0' }]) });
    const rules = 'rules' in outcome ? (outcome.rules ?? []) : [];
    expect(rules).toEqual(expect.arrayContaining(['eqeqeq', '@typescript-eslint/no-floating-promises', 'react-hooks/rules-of-hooks']));
    expect(rules).not.toContain('no-eval');
  });

  it('pins in generated projects the linter versions the platform runs', () => {
    const platform = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    for (const name of LINT_PACKAGES) expect(`${name}@${VERSIONS[name]}`).toBe(`${name}@${platform.dependencies[name]}`);
  });

  it('is skipped for a project without code', async () => {
    expect(await checkLint(contextOf({ 'README.md': '# hi\n' }))).toEqual({ skipped: 'no JavaScript or TypeScript files' });
  });
});
