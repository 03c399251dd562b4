import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkWorkflow, compileWorkflow, loadWorkflow, WorkflowValidationError } from '../../core/workflow/index.ts';
import { testRegistry } from './helpers/plugins.ts';

const root = fileURLToPath(new URL('./fixtures/', import.meta.url));
const yamlFiles = (dir: string) => readdirSync(`${root}${dir}`).filter((f) => f.endsWith('.yaml') && !f.endsWith('.errors.yaml'));

interface Expected {
  line: number;
  column: number;
  message: string;
}

describe('valid workflow files', () => {
  const files = yamlFiles('valid');
  it('has a corpus', () => expect(files.length).toBeGreaterThanOrEqual(4));

  it.each(files)('%s has no problems and compiles', async (file) => {
    const source = readFileSync(`${root}valid/${file}`, 'utf8');
    expect(checkWorkflow(source, { registry: testRegistry(), file })).toEqual([]);
    const loaded = loadWorkflow(source, { registry: testRegistry(), file });
    const compiled = await compileWorkflow(source, { registry: testRegistry(), file });
    expect(compiled.steps.map((s) => s.key)).toEqual(loaded.steps.map((s) => s.id));
    expect(compiled.name).toBe(loaded.name);
  });
});

describe('invalid workflow files', () => {
  const files = yamlFiles('invalid');
  it('has a corpus, each file with its expected problems', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const file of files) expect(readdirSync(`${root}invalid`)).toContain(file.replace(/\.yaml$/, '.errors.yaml'));
  });

  it.each(files)('%s reports exactly the expected problems', (file) => {
    const source = readFileSync(`${root}invalid/${file}`, 'utf8');
    const expected = parse(readFileSync(`${root}invalid/${file.replace(/\.yaml$/, '.errors.yaml')}`, 'utf8')) as Expected[];
    expect(expected.length).toBeGreaterThan(0);
    const issues = checkWorkflow(source, { registry: testRegistry(), file });
    expect(issues.map((i) => `${i.line}:${i.column} ${i.message}`)).toHaveLength(expected.length);
    issues.forEach((issue, i) => {
      const want = expected[i]!;
      expect({ line: issue.line, column: issue.column }, issue.message).toEqual({ line: want.line, column: want.column });
      expect(issue.message).toContain(want.message);
      expect(issue.path).toBe(`${file}:${want.line}:${want.column}`);
    });
  });

  it.each(files)('%s makes loadWorkflow throw one WorkflowValidationError with all of them', (file) => {
    const source = readFileSync(`${root}invalid/${file}`, 'utf8');
    const issues = checkWorkflow(source, { registry: testRegistry(), file });
    let thrown: unknown;
    try {
      loadWorkflow(source, { registry: testRegistry(), file });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WorkflowValidationError);
    const error = thrown as WorkflowValidationError;
    expect(error.code).toBe('workflow_invalid');
    expect(error.issues).toEqual(issues);
    for (const issue of issues) expect(error.message).toContain(`${issue.path} ${issue.message}`);
  });
});
