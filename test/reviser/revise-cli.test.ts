import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../cli/qlayer.ts';
import type { Io } from '../../cli/io.ts';
import { generateApp } from '../../plugins/generator-templates/generate.ts';
import { withManifest } from './project.ts';
import { parsePrompt } from '../../plugins/parser/parse.ts';
import { reviseSpec } from '../../plugins/reviser/revise.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(prompt: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'qlayer-revise-'));
  dirs.push(dir);
  for (const file of withManifest(parsePrompt(prompt).spec)) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

async function qlayer(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), json: args.includes('--json'), tty: false, cwd, env: {} };
  const code = await main(args, io);
  return { code, out, err };
}

const read = (dir: string, path: string): string => readFileSync(join(dir, path), 'utf8');

/** Files "add a due date to todos" changes in a todo app, with the first line each change touches. */
function touchedByDueDate(): Array<{ path: string; before: string; after: string }> {
  const { spec } = parsePrompt('Create a todo app with React');
  const before = new Map(generateApp(spec).map((f) => [f.path, f.content]));
  const after = generateApp(reviseSpec(spec, 'add a due date to todos').spec);
  return after.filter((f) => before.has(f.path) && before.get(f.path) !== f.content && !f.path.includes('qlayer')).map((f) => ({ path: f.path, before: before.get(f.path)!, after: f.content }));
}

describe('qlayer revise <dir> "<change>"', () => {
  it('merges the change into a folder with user edits, keeps added and deleted files, and lists a real conflict', async () => {
    const dir = project('Create a todo app with React');
    const touched = touchedByDueDate();
    // The README lists the fields, the model declares them, the generated tests fill them in.
    expect(touched.map((f) => f.path).sort()).toEqual(['README.md', 'src/model.ts', 'test/app.test.tsx']);
    const mergedFile = touched.find((f) => f.path === 'README.md')!;
    const conflictFile = touched.find((f) => f.path === 'src/model.ts')!;

    // An edit far from the change in a file it touches, and one in a file it does not touch.
    writeFileSync(join(dir, mergedFile.path), `// my own note\n${mergedFile.before}`);
    const untouched = existsSync(join(dir, 'index.html')) ? 'index.html' : '.gitignore';
    writeFileSync(join(dir, untouched), `${read(dir, untouched)}<!-- mine -->\n`);
    // The same line the change rewrites, edited differently.
    const beforeLines = conflictFile.before.split('\n');
    const afterLines = conflictFile.after.split('\n');
    const at = beforeLines.findIndex((line, i) => line !== afterLines[i]);
    beforeLines[at] = `${beforeLines[at]} // edited by hand`;
    writeFileSync(join(dir, conflictFile.path), beforeLines.join('\n'));
    writeFileSync(join(dir, 'NOTES.md'), 'my notes\n');

    const result = await qlayer(['revise', dir, 'add a due date to todos'], dir);
    expect(result.code).toBe(1);
    expect(result.out).toContain('added date field dueDate to Todo');
    expect(result.out).toContain(`CONFLICT`);
    expect(result.out).toContain(`1 conflict to resolve (look for <<<<<<< yours): ${conflictFile.path}`);

    expect(read(dir, mergedFile.path)).toBe(`// my own note\n${mergedFile.after}`);
    expect(read(dir, untouched)).toContain('<!-- mine -->');
    const conflicted = read(dir, conflictFile.path);
    expect(conflicted).toContain('<<<<<<< yours');
    expect(conflicted).toContain('=======');
    expect(conflicted).toContain('>>>>>>> new version');
    expect(conflicted).toContain('// edited by hand');
    expect(read(dir, 'NOTES.md')).toBe('my notes\n');
    expect(JSON.parse(read(dir, 'qlayer.json')).spec.entities[0].fields.map((f: { name: string }) => f.name)).toContain('dueDate');
  });

  it('keeps a file the user deleted deleted, says so, and brings in a new entity elsewhere', async () => {
    const dir = project('Create a todo app with React');
    unlinkSync(join(dir, 'README.md'));
    const result = await qlayer(['revise', dir, 'todos belong to projects'], dir);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/kept deleted\s+README\.md \(you deleted it; it stays deleted although the new version has it\)/);
    expect(existsSync(join(dir, 'README.md'))).toBe(false);
    expect(read(dir, 'src/model.ts')).toContain('projectId');
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const dir = project('Create a todo app with React');
    const before = read(dir, 'qlayer.json');
    const result = await qlayer(['revise', dir, 'add a due date to todos', '--dry-run'], dir);
    expect(result.code).toBe(0);
    expect(result.out).toContain('dry run: nothing was written');
    expect(result.out).toMatch(/^\+.*dueDate/m);
    expect(result.out).toContain('--- a/qlayer.json');
    expect(read(dir, 'qlayer.json')).toBe(before);
  });

  it('applies a hand-edited qlayer.json spec, and a second revise then has nothing to do', async () => {
    const dir = project('a REST API for a bookstore with books and authors');
    const manifest = JSON.parse(read(dir, 'qlayer.json'));
    manifest.spec.entities[0].fields.push({ name: 'pages', label: 'Pages', type: 'integer', required: false });
    writeFileSync(join(dir, 'qlayer.json'), JSON.stringify(manifest, null, 2));
    const first = await qlayer(['revise', dir], dir);
    expect(first.code).toBe(0);
    expect(first.out).toContain('spec.entities edited in qlayer.json');
    expect(generateApp(manifest.spec).filter((f) => f.path !== 'qlayer.json').every((f) => read(dir, f.path) === f.content)).toBe(true);
    const second = await qlayer(['revise', dir, '--json'], dir);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out)).toMatchObject({ changes: [], conflicts: [] });
  });

  it('says where a hand edit broke qlayer.json, and changes nothing for an ambiguous request', async () => {
    const dir = project('a REST API for a bookstore with books and authors');
    const text = read(dir, 'qlayer.json');
    writeFileSync(join(dir, 'qlayer.json'), text.replace('"kind": "rest-api"', '"kind": "rest"'));
    const broken = await qlayer(['revise', dir], dir);
    expect(broken.code).toBe(1);
    const line = text.split('\n').findIndex((l) => l.includes('"kind": "rest-api"')) + 1;
    expect(broken.err).toMatch(new RegExp(`qlayer\\.json:${line}:\\d+: spec\\.kind: must be one of`));

    writeFileSync(join(dir, 'qlayer.json'), text);
    const ambiguous = await qlayer(['revise', dir, 'add a due date'], dir);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.err).toContain('which entity gets the due date: Book or Author?');
    expect(read(dir, 'qlayer.json')).toBe(text);
  });
});
