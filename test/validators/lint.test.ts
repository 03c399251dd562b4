import { describe, expect, it } from 'vitest';
import { checkLint } from '../../plugins/validators/index.ts';
import { brief, contextOf, findingsOf } from './helpers.ts';

const lint = (files: Record<string, string>) => findingsOf(checkLint(contextOf(files)));

describe('lint check', () => {
  it('passes clean code', () => {
    expect(
      lint({
        'src/list.ts': [
          "import { readFileSync } from 'node:fs';",
          'export function names(path: string): string[] {',
          "  const text = readFileSync(path, 'utf8');",
          '  let count = 0;',
          "  for (const line of text.split('\\n')) if (line !== '') count++;",
          '  try {',
          '    return JSON.parse(text) as string[];',
          '  } catch {',
          '    // not JSON: one name per line',
          "    return count === 0 || text == null ? [] : text.split('\\n');",
          '  }',
          '}',
          '',
        ].join('\n'),
        'src/global.d.ts': 'declare global {\n  var appVersion: string;\n}\nexport {};\n',
      }),
    ).toEqual([]);
  });

  it('reports == and != with the operator position', () => {
    expect(lint({ 'src/a.js': 'export function f(a, b) {\n  return a == b || a != 1;\n}\n' })).toEqual([
      { check: 'lint', severity: 'error', file: 'src/a.js', line: 2, column: 12, message: "Expected '===' and instead saw '=='.", rule: 'eqeqeq' },
      { check: 'lint', severity: 'error', file: 'src/a.js', line: 2, column: 22, message: "Expected '!==' and instead saw '!='.", rule: 'eqeqeq' },
    ]);
  });

  it('reports debugger statements', () => {
    expect(lint({ 'src/a.ts': 'export function f() {\n  debugger;\n}\n' })).toEqual([
      { check: 'lint', severity: 'error', file: 'src/a.ts', line: 2, column: 3, message: "Unexpected 'debugger' statement.", rule: 'no-debugger' },
    ]);
  });

  it('reports empty catch blocks, but not ones with a comment', () => {
    const findings = lint({
      'src/a.ts': 'export function f(g: () => void) {\n  try { g(); } catch (e) {}\n  try { g(); } catch { /* optional */ }\n}\n',
    });
    expect(findings).toEqual([
      {
        check: 'lint',
        severity: 'error',
        file: 'src/a.ts',
        line: 2,
        column: 16,
        message: 'Empty catch block swallows the error; handle it, or say in a comment why it is safe to ignore.',
        rule: 'no-empty-catch',
      },
    ]);
  });

  it('reports var declarations', () => {
    expect(lint({ 'src/a.js': 'export function f() {\n  for (var i = 0; i < 3; i++) {}\n}\n' })).toEqual([
      { check: 'lint', severity: 'error', file: 'src/a.js', line: 2, column: 8, message: 'Unexpected var, use let or const instead.', rule: 'no-var' },
    ]);
  });

  it('warns about console.log in library code only', () => {
    const code = 'export function f() {\n  console.log("here");\n  console.error("kept");\n}\n';
    expect(lint({ 'src/lib/util.ts': code })).toEqual([
      {
        check: 'lint',
        severity: 'warning',
        file: 'src/lib/util.ts',
        line: 2,
        column: 3,
        message: 'console.log left in library code; remove it or use a logger.',
        rule: 'no-console-log',
      },
    ]);
    expect(lint({ 'test/util.test.ts': code, 'scripts/seed.ts': code, 'src/server.ts': code, 'vite.config.ts': code })).toEqual([]);
  });

  it('warns about unused variables and unused imports, in TypeScript and JavaScript', () => {
    const findings = lint({
      'src/a.ts': "import { readFileSync, writeFileSync } from 'node:fs';\nimport path from 'node:path';\nexport function f() {\n  const unused = 1;\n  return writeFileSync;\n}\n",
      'src/b.js': "const { x, y } = require('./c');\nexport function g() {\n  let temp = 2;\n  return x;\n}\n",
    });
    expect(findings).toEqual([
      { check: 'lint', severity: 'warning', file: 'src/a.ts', line: 1, column: 10, message: "'readFileSync' is declared but its value is never read.", rule: 'no-unused-imports' },
      { check: 'lint', severity: 'warning', file: 'src/a.ts', line: 2, column: 1, message: "'path' is declared but its value is never read.", rule: 'no-unused-imports' },
      { check: 'lint', severity: 'warning', file: 'src/a.ts', line: 4, column: 9, message: "'unused' is declared but its value is never read.", rule: 'no-unused-vars' },
      { check: 'lint', severity: 'warning', file: 'src/b.js', line: 1, column: 12, message: "'y' is declared but its value is never read.", rule: 'no-unused-vars' },
      { check: 'lint', severity: 'warning', file: 'src/b.js', line: 3, column: 7, message: "'temp' is declared but its value is never read.", rule: 'no-unused-vars' },
    ]);
  });

  it('reports an unused variable as a warning, not an error', () => {
    const warningsOnly = lint({ 'src/a.ts': 'export function f() {\n  const unused = 1;\n}\n' });
    expect(brief(warningsOnly)).toEqual([{ file: 'src/a.ts', line: 2, column: 9, rule: 'no-unused-vars', severity: 'warning' }]);
  });

  it('is skipped for a project without code', () => {
    expect(checkLint(contextOf({ 'README.md': '# hi' }))).toEqual({ skipped: 'no JavaScript or TypeScript files' });
  });
});
