import type { GeneratedFile } from '../../../plugins/validators/index.ts';

/** A planted defect: the file it adds or changes, and where and by which rule it must be found. */
export interface Defect {
  name: string;
  /** Which kinds it applies to: TypeScript-only and React-only defects need those. */
  needs: 'any' | 'typescript' | 'react';
  plant(files: GeneratedFile[], codeDir: string, typescript: boolean): { files: GeneratedFile[]; file: string; line: number };
  /** Rules that count as finding it (the registry's verdict, or the look-alike warning when it cannot be asked). */
  rules: readonly string[];
}

const add = (files: GeneratedFile[], path: string, content: string, line: number) => ({ files: [...files, { path, content }], file: path, line });
const ext = (typescript: boolean) => (typescript ? 'ts' : 'mjs');
const typed = (typescript: boolean, annotated: string, plain: string) => (typescript ? annotated : plain);

export const DEFECTS: readonly Defect[] = [
  {
    name: 'unused import',
    needs: 'any',
    rules: ['@typescript-eslint/no-unused-vars'],
    plant: (files, dir, ts) => add(files, `${dir}/defect-unused.${ext(ts)}`, "import { readFile } from 'node:fs';\nexport const value = 1;\n", 1),
  },
  {
    name: '== against a nullish value',
    needs: 'any',
    rules: ['eqeqeq'],
    plant: (files, dir, ts) =>
      add(files, `${dir}/defect-equality.${ext(ts)}`, `export function isMissing(${typed(ts, 'value: string | undefined', 'value')})${typed(ts, ': boolean', '')} {\n  return value == undefined;\n}\n`, 2),
  },
  {
    name: 'hook called in a condition',
    needs: 'react',
    rules: ['react-hooks/rules-of-hooks'],
    plant: (files, dir) =>
      add(
        files,
        `${dir}/DefectPanel.tsx`,
        "import { useState } from 'react';\n\nexport function DefectPanel({ open }: { open: boolean }) {\n  if (open) {\n    const [count] = useState(0);\n    return <p>{count}</p>;\n  }\n  return null;\n}\n",
        5,
      ),
  },
  {
    name: 'floating promise',
    needs: 'typescript',
    rules: ['@typescript-eslint/no-floating-promises'],
    plant: (files, dir) => add(files, `${dir}/defect-promise.ts`, 'async function save(): Promise<void> {}\n\nexport function run(): void {\n  save();\n}\n', 4),
  },
  {
    name: 'eval of input',
    needs: 'any',
    rules: ['no-eval'],
    plant: (files, dir, ts) => add(files, `${dir}/defect-eval.${ext(ts)}`, `export function calculate(${typed(ts, 'input: string', 'input')})${typed(ts, ': unknown', '')} {\n  return eval(input);\n}\n`, 2),
  },
  {
    name: 'innerHTML from input',
    needs: 'any',
    rules: ['no-unsanitized/property'],
    plant: (files, dir, ts) =>
      add(files, `${dir}/defect-html.${ext(ts)}`, `export function show(${typed(ts, 'element: HTMLElement, input: string', 'element, input')})${typed(ts, ': void', '')} {\n  element.innerHTML = input;\n}\n`, 2),
  },
  {
    name: 'hard-coded cloud key',
    needs: 'any',
    rules: ['@secretlint/secretlint-rule-aws'],
    plant: (files, dir, ts) => add(files, `${dir}/defect-key.${ext(ts)}`, "// Uploads go to the bucket.\nexport const accessKeyId = 'AKIAQYLPMN5HHHFPZAM2';\n", 2),
  },
  {
    name: 'misspelled dependency',
    needs: 'any',
    rules: ['unknown-package', 'possible-typosquat'],
    plant: (files) => {
      const manifest = files.find((file) => file.path === 'package.json');
      if (manifest === undefined) throw new Error('no package.json to plant a dependency in');
      const pkg = JSON.parse(manifest.content) as { devDependencies?: Record<string, string> };
      pkg.devDependencies = { ...pkg.devDependencies, typescirpt: '5.9.3' };
      const content = `${JSON.stringify(pkg, null, 2)}\n`;
      const line = content.split('\n').findIndex((text) => text.includes('"typescirpt"')) + 1;
      return { files: files.map((file) => (file === manifest ? { path: file.path, content } : file)), file: 'package.json', line };
    },
  },
  {
    name: 'type error',
    needs: 'typescript',
    rules: ['TS2322'],
    plant: (files, dir) => add(files, `${dir}/defect-type.ts`, "// How many retries.\nexport const retries: number = 'three';\n", 2),
  },
  {
    name: 'import of a missing module',
    needs: 'typescript',
    rules: ['TS2307'],
    plant: (files, dir) => add(files, `${dir}/defect-import.ts`, "import { helper } from './helpers-that-were-never-written.ts';\n\nexport const result = helper();\n", 1),
  },
];
