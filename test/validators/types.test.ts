import { describe, expect, it } from 'vitest';
import { checkTypesInMemory, parseTscOutput } from '../../plugins/validators/index.ts';
import { brief, findingsOf, project } from './helpers.ts';

const types = (files: Record<string, string>) => findingsOf(checkTypesInMemory(project(files)));

describe('types check in memory (before install)', () => {
  it('passes well-typed code', () => {
    const outcome = checkTypesInMemory(
      project({
        'src/math.ts': 'export function add(a: number, b: number): number {\n  return a + b;\n}\n',
        'src/main.ts': "import { add } from './math.ts';\nexport const three: number = add(1, 2);\n",
      }),
    );
    expect(outcome).toEqual({
      findings: [],
      summary: '2 files checked in memory before install, with default options; 0 diagnostics about packages that are not installed ignored',
    });
  });

  it('reports a type error with file, line, column and code', () => {
    expect(types({ 'src/a.ts': 'export const ok = 1;\nexport const n: number = "one";\n' })).toEqual([
      {
        check: 'types',
        severity: 'error',
        file: 'src/a.ts',
        line: 2,
        column: 14,
        message: "Type 'string' is not assignable to type 'number'.",
        rule: 'TS2322',
      },
    ]);
  });

  it('reports errors across files, such as a wrong argument to an imported function', () => {
    const findings = types({
      'src/math.ts': 'export const double = (n: number) => n * 2;\n',
      'src/main.ts': "import { double } from './math';\nexport const x = double('2');\n",
    });
    expect(brief(findings)).toEqual([{ file: 'src/main.ts', line: 2, column: 25, rule: 'TS2345', severity: 'error' }]);
  });

  it('reports a relative import of a file the generator forgot', () => {
    const findings = types({ 'src/main.ts': "import { helper } from './utils/helper';\nexport const x = helper();\n" });
    expect(findings).toEqual([
      {
        check: 'types',
        severity: 'error',
        file: 'src/main.ts',
        line: 1,
        column: 24,
        message: "Cannot find module './utils/helper' or its corresponding type declarations.",
        rule: 'TS2307',
      },
    ]);
  });

  it('ignores what only means "not installed yet": packages, assets, node and test globals, JSX types', () => {
    const outcome = checkTypesInMemory(
      project({
        'tsconfig.json': '{ "compilerOptions": { "strict": true, "jsx": "react-jsx", "types": ["node", "vite/client"] } }',
        'src/App.tsx': [
          "import { useState } from 'react';",
          "import './App.css';",
          "import logo from './logo.svg';",
          'export function App() {',
          '  const [count] = useState(0);',
          '  return <img src={logo} alt={String(count + Number(process.env.X))} />;',
          '}',
          "describe('x', () => {});",
          '',
        ].join('\n'),
      }),
    );
    expect(findingsOf(outcome)).toEqual([]);
    expect('summary' in outcome && outcome.summary).toMatch(/with tsconfig.json; [1-9]\d* diagnostics about packages that are not installed ignored/);
  });

  it('drops implicit any while a package is missing, and reports it when none is', () => {
    expect(types({ 'src/server.ts': "import express from 'express';\nexpress().get('/', (req, res) => res.send('hi'));\n" })).toEqual([]);
    expect(brief(types({ 'src/pure.ts': 'export const twice = (n) => n * 2;\n' }))).toEqual([
      { file: 'src/pure.ts', line: 1, column: 23, rule: 'TS7006', severity: 'error' },
    ]);
  });

  it('checks component props without React installed: key is fine, a misspelt prop is not', () => {
    const findings = types({
      'src/App.tsx': [
        "import { useState } from 'react';",
        'type Props = { title: string };',
        'function Panel(props: Props) {',
        '  return <h1>{props.title}</h1>;',
        '}',
        'export function App() {',
        '  const [n, setN] = useState(0);',
        '  return <div onClick={() => setN((k) => k + 1)}><Panel key="a" title="x" /><Panel key="b" titel="y" /></div>;',
        '}',
        '',
      ].join('\n'),
    });
    expect(brief(findings)).toEqual([{ file: 'src/App.tsx', line: 8, column: 92, rule: 'TS2322', severity: 'error' }]);
    expect(findings[0]?.message).toContain("Property 'titel' does not exist on type 'IntrinsicAttributes & Props'. Did you mean 'title'?");
  });

  it("uses the project's tsconfig, following a relative extends", () => {
    const code = { 'src/a.ts': 'export function f(a) {\n  return a;\n}\n' };
    expect(types(code)).toHaveLength(1);
    expect(
      types({
        ...code,
        'tsconfig.base.json': '{ "compilerOptions": { "strict": false } }',
        'tsconfig.json': '{ "extends": "./tsconfig.base.json", "include": ["src"] }',
      }),
    ).toEqual([]);
  });

  it('checks JavaScript only when the tsconfig asks for checkJs', () => {
    const js = { 'src/a.js': 'export const n = 1;\nn.toFixed("x");\n' };
    expect(checkTypesInMemory(project(js))).toEqual({ skipped: 'no TypeScript files' });
    const findings = types({ ...js, 'tsconfig.json': '{ "compilerOptions": { "allowJs": true, "checkJs": true } }' });
    expect(brief(findings)).toEqual([{ file: 'src/a.js', line: 2, column: 11, rule: 'TS2345', severity: 'error' }]);
  });
});

describe('parseTscOutput', () => {
  it('reads located and global diagnostics, with continuation lines', () => {
    const output = [
      "src/a.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.",
      "src/b.ts(10,1): error TS2345: Argument of type '{ a: string; }' is not assignable to parameter of type 'P'.",
      "  Property 'b' is missing in type '{ a: string; }' but required in type 'P'.",
      "error TS5083: Cannot read file '/x/tsconfig.base.json'.",
      'Found 3 errors.',
      '',
    ].join('\n');
    expect(parseTscOutput(output)).toEqual([
      { check: 'types', severity: 'error', file: 'src/a.ts', line: 3, column: 7, message: "Type 'string' is not assignable to type 'number'.", rule: 'TS2322' },
      {
        check: 'types',
        severity: 'error',
        file: 'src/b.ts',
        line: 10,
        column: 1,
        message:
          "Argument of type '{ a: string; }' is not assignable to parameter of type 'P'.\nProperty 'b' is missing in type '{ a: string; }' but required in type 'P'.",
        rule: 'TS2345',
      },
      { check: 'types', severity: 'error', message: "Cannot read file '/x/tsconfig.base.json'.", rule: 'TS5083' },
    ]);
  });
});
