import { describe, expect, it } from 'vitest';
import { assertSafePath, GenerateError, type GeneratedFile } from '../../plugins/generator-templates/files.ts';
import { generateApp } from '../../plugins/generator-templates/generate.ts';
import { chooseListFields, entityModels, type FieldModel } from '../../plugins/generator-templates/model.ts';
import { VERSIONS } from '../../plugins/generator-templates/versions.ts';
import { parsePrompt } from '../../plugins/parser/parse.ts';
import { schoolSpec } from './school-spec.ts';
import type { AppSpec } from '../../plugins/parser/spec.ts';

const spec = (prompt: string): AppSpec => parsePrompt(prompt).spec;
const files = (prompt: string): GeneratedFile[] => generateApp(spec(prompt));
const byPath = (list: readonly GeneratedFile[]): Map<string, string> => new Map(list.map((file) => [file.path, file.content]));

const PROMPTS = {
  spa: 'Create a todo app with React',
  api: 'a REST API for a bookstore with books and authors',
  fullstack: 'a full-stack recipe manager with a React frontend and an API',
  cli: 'a command-line tool to convert csv files to json',
  site: 'a static website for a bakery with home, menu, about and contact pages',
  manage: 'a CLI to manage my tasks and projects',
};

/** Relative `import … from './x.ts'` targets that are not in the file set. */
function brokenImports(list: readonly GeneratedFile[]): string[] {
  const paths = new Set(list.map((file) => file.path));
  const broken: string[] = [];
  for (const file of list) {
    if (!/\.(ts|tsx|mjs)$/.test(file.path)) continue;
    for (const [, target] of file.content.matchAll(/(?:from|import)\s+'(\.{1,2}\/[^']+)'/g)) {
      const parts = file.path.split('/').slice(0, -1);
      for (const segment of (target ?? '').split('/')) {
        if (segment === '..') parts.pop();
        else if (segment !== '.') parts.push(segment);
      }
      if (!paths.has(parts.join('/'))) broken.push(`${file.path} → ${target}`);
    }
  }
  return broken;
}

describe.each(Object.entries(PROMPTS))('%s project', (_kind, prompt) => {
  const generated = files(prompt);
  const pkg = JSON.parse(byPath(generated).get('package.json') ?? '{}') as {
    name: string;
    scripts: Record<string, string>;
    engines: { node: string };
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };

  it('has a README, a .gitignore and a package.json with start and test scripts', () => {
    const paths = generated.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['README.md', '.gitignore', 'package.json']));
    expect(pkg.name).toBe(spec(prompt).name.package);
    expect(pkg.scripts.start).toBeTruthy();
    expect(pkg.scripts.test).toBeTruthy();
    expect(pkg.engines.node).toBe('>=20.19');
    expect(byPath(generated).get('README.md')).toContain('npm start');
  });

  it('pins every dependency to an exact, known version', () => {
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(VERSIONS[name as keyof typeof VERSIONS]).toBe(version);
    }
  });

  it('keeps every path inside the project, sorted and unique', () => {
    const paths = generated.map((file) => file.path);
    for (const path of paths) expect(() => assertSafePath(path)).not.toThrow();
    expect([...paths].sort()).toEqual(paths);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('imports only files it generates', () => {
    expect(brokenImports(generated)).toEqual([]);
  });

  it('generates the same files every time', () => {
    expect(files(prompt)).toEqual(generated);
  });
});

describe('entities drive the files', () => {
  it('gives a bookstore API book and author resources, not a renamed todo', () => {
    const api = byPath(files(PROMPTS.api));
    for (const path of ['src/entities/book.ts', 'src/entities/author.ts', 'test/books.test.ts', 'test/authors.test.ts', 'src/server.ts', 'src/openapi.ts']) expect(api.has(path)).toBe(true);
    expect(api.get('src/entities/book.ts')).toContain('isbn: z.string()');
    expect(api.get('src/entities/book.ts')).toContain('authorId: z.int().positive().nullable().optional()');
    expect(api.get('src/entities/book.ts')).toContain('references: "authors"');
    expect(api.get('src/entities/index.ts')).toContain('[author, book]');
    expect(api.get('test/books.test.ts')).toContain("it('links a book to its author and lists books by author'");
    expect(api.get('test/books.test.ts')).toContain('with a 422 naming authorId');
    expect(api.get('test/books.test.ts')).toContain("refuses to delete an author that still has books (restrict)");
    expect([...api.values()].join('\n').toLowerCase()).not.toContain('todo');
    expect(JSON.parse(api.get('package.json') ?? '{}').dependencies).toHaveProperty('@electric-sql/pglite');
  });

  it('gives the todo app a toggle, a filter and localStorage', () => {
    const app = byPath(files(PROMPTS.spa));
    expect(app.get('src/model.ts')).toContain('toggleField: "completed"');
    expect(app.get('src/model.ts')).toContain('filtering: true');
    expect(app.get('src/main.tsx')).toContain('createLocalStore');
    expect(app.get('test/app.test.tsx')).toContain("byRole(view.container, 'button', \"Add todo\")");
    expect(app.get('test/app.test.tsx')).toContain('keeps todos after a reload');
    expect(app.get('index.html')).toContain('<title>Todo App</title>');
  });

  it('puts the API under server/ and the client under client/ in a full-stack app', () => {
    const app = byPath(files(PROMPTS.fullstack));
    for (const path of ['server/src/entities/recipe.ts', 'server/test/recipes.test.ts', 'server/src/server-app.ts', 'client/src/model.ts', 'client/src/api-store.ts', 'client/index.html', 'client/test/app.test.tsx']) expect(app.has(path)).toBe(true);
    expect(app.get('client/src/main.tsx')).toContain('createApiStore');
    expect(app.get('client/src/model.ts')).toContain('key: "recipes"');
  });

  it('writes a converter whose defaults are the formats asked for', () => {
    const cli = byPath(files(PROMPTS.cli));
    expect(cli.get('src/app-info.ts')).toContain('from: "csv"');
    expect(cli.get('src/app-info.ts')).toContain('to: "json"');
    expect(JSON.parse(cli.get('package.json') ?? '{}').bin).toEqual({ 'csv-to-json': 'dist/cli.js' });
    expect(cli.get('src/cli.ts')?.startsWith('#!/usr/bin/env node')).toBe(true);
    expect(cli.has('src/model.ts')).toBe(false);
  });

  it('writes a record manager with one collection per entity', () => {
    const cli = byPath(files(PROMPTS.manage));
    expect(cli.get('src/model.ts')).toContain('key: "tasks"');
    expect(cli.get('src/model.ts')).toContain('key: "projects"');
    expect(cli.get('test/cli.test.ts')).toContain("describe(\"tasks\"");
  });

  it('writes one page per requested page, with its own content', () => {
    const site = byPath(files(PROMPTS.site));
    expect(JSON.parse(site.get('site.json') ?? '{}').pages.map((page: { slug: string }) => page.slug)).toEqual(['index', 'menu', 'about', 'contact']);
    for (const slug of ['index', 'menu', 'about', 'contact']) expect(site.get(`src/pages/${slug}.html`)?.match(/<h1>/g)).toHaveLength(1);
    expect(site.get('src/pages/menu.html')).toContain('Sourdough');
    expect(site.get('src/pages/contact.html')).toContain('mailto:');
  });

  it('generates every kind the parser table produces', () => {
    for (const prompt of ['a kanban board', 'create a CRM with contacts, companies and deals', 'an online store API with products, orders and customers, with auth', 'a React app for a music library with songs, albums and artists', 'a portfolio website with projects and contact pages', 'command line tool to turn csv into a markdown table', 'a terminal app to keep track of my habits', 'an expense tracker with categories and search']) {
      const generated = files(prompt);
      expect(brokenImports(generated)).toEqual([]);
      for (const entity of spec(prompt).entities) expect(generated.some((file) => file.content.includes(entity.plural) || file.content.includes(entity.name))).toBe(true);
    }
  });
});

describe('UIs show, edit and page through records', () => {
  it('chooses two to four list fields by type and requiredness, parents first, long text last', () => {
    const recipe = entityModels(spec(PROMPTS.fullstack))[0]!;
    expect(recipe.listFields).toEqual(['title', 'servings', 'prepMinutes']);
    const [author, book] = entityModels(spec(PROMPTS.api));
    expect(book?.listFields).toEqual(['title', 'authorId', 'publishedYear', 'price']);
    expect(author?.listFields).toEqual(['name', 'birthDate']);
    const fields: FieldModel[] = [
      { name: 'body', label: 'Body', type: 'text', required: true },
      { name: 'heading', label: 'Heading', type: 'string', required: true },
    ];
    // Only free text besides the title: it fills in rather than leaving the title alone.
    expect(chooseListFields(fields, 'heading', undefined)).toEqual(['heading', 'body']);
  });

  it('renders every React page and a test of each behaviour for the SPA and the full-stack app', () => {
    for (const [prompt, prefix] of [[PROMPTS.spa, ''], [PROMPTS.fullstack, 'client/']] as const) {
      const app = byPath(files(prompt));
      for (const name of ['ListPage.tsx', 'DetailPage.tsx', 'EditPage.tsx', 'RecordForm.tsx', 'Pager.tsx', 'route.ts', 'format.ts']) expect(app.has(`${prefix}src/${name}`), name).toBe(true);
      const test = app.get(`${prefix}test/app.test.tsx`) ?? '';
      for (const title of ['from the list at its own URL and shows every field', 'edits a', 'cancels an edit', 'checks an edit', 'only once the deletion is confirmed', 'pages through 25', 'no serious accessibility violations']) expect(test, title).toContain(title);
      expect(JSON.parse(app.get('package.json') ?? '{}').devDependencies['axe-core']).toBe(VERSIONS['axe-core']);
    }
    expect(byPath(files(PROMPTS.spa)).get('src/model.ts')).toContain('listFields: ["title"]');
  });

  it('handles many-to-many through a join entity that belongs to both sides', () => {
    for (const kind of ['fullstack', 'react-spa', 'rest-api'] as const) {
      const app = byPath(generateApp(schoolSpec(kind)));
      expect(brokenImports(generateApp(schoolSpec(kind)))).toEqual([]);
      const prefix = kind === 'fullstack' ? 'server/' : '';
      if (kind !== 'react-spa') {
        const test = app.get(`${prefix}test/enrollments.test.ts`) ?? '';
        for (const field of ['studentId', 'courseId']) expect(test).toContain(`with a 422 naming ${field}`);
        expect(app.get(`${prefix}src/entities/index.ts`)).toContain('[student, course, enrollment]');
      }
      if (kind !== 'rest-api') {
        const test = app.get(`${kind === 'fullstack' ? 'client/' : ''}test/app.test.tsx`) ?? '';
        expect(test).toContain('picks the student of an enrollment');
        expect(test).toContain('picks the course of an enrollment');
        expect(app.get(`${kind === 'fullstack' ? 'client/' : ''}src/model.ts`)).toContain('listFields: ["enrolledOn", "studentId", "courseId", "status"]');
      }
    }
  });

  it('tests parent pickers and children lists where entities relate', () => {
    const app = byPath(files('a React app for a bookstore with books and authors'));
    const test = app.get('test/app.test.tsx') ?? '';
    expect(test).toContain("picks the author of a book, shows its name in the list and lists the book on the author");
    expect(test).toContain('"Books of Alpha name"');
    expect(app.get('src/model.ts')).toContain('references: "authors"');
  });
});

describe('escaping', () => {
  const hostile = { ...spec(PROMPTS.spa), name: { package: 'hostile-app', title: `Bob's "List" </script><script>alert(1)</script> \u2028 & more` }, description: 'A prompt with "quotes", `backticks`, ${braces} and </script>' };

  it('escapes the title for HTML, JavaScript and JSON', () => {
    const app = byPath(generateApp(hostile));
    const indexHtml = app.get('index.html') ?? '';
    expect(indexHtml).toContain('<title>Bob&#39;s &quot;List&quot; &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(indexHtml).not.toContain('<script>alert');
    const model = app.get('src/model.ts') ?? '';
    const literal = /export const appTitle = (.*);/.exec(model)?.[1] ?? '';
    expect(literal).not.toContain('</script>');
    expect(literal).not.toContain('\u2028');
    expect(JSON.parse(literal)).toBe(hostile.name.title);
    expect(JSON.parse(app.get('package.json') ?? '{}').description).toBe(hostile.description);
  });

  it('escapes page text in a static site', () => {
    const site = generateApp({ ...spec(PROMPTS.site), name: { package: 'x-site', title: '<b>Bold</b> & Co' } });
    const home = byPath(site).get('src/pages/index.html') ?? '';
    expect(home).toContain('&lt;b&gt;Bold&lt;/b&gt; &amp; Co');
    expect(home).not.toContain('<b>');
  });
});

describe('guards', () => {
  it('refuses paths that leave the project or are not portable', () => {
    for (const path of ['', '/etc/passwd', '../x', 'a/../../b', 'a/./b', 'a//b', 'C:/x', 'a\\b', 'src/\0x', 'a b']) {
      expect(() => assertSafePath(path), path).toThrow(GenerateError);
    }
    for (const path of ['src/a.ts', '.gitignore', 'client/src/App.tsx', 'test/@scope/x.test.ts']) expect(() => assertSafePath(path)).not.toThrow();
  });

  it('refuses an invalid spec with a typed error', () => {
    const broken: AppSpec = { ...spec(PROMPTS.api), entities: [{ name: 'Book', plural: 'Books', fields: [{ name: 'title', label: 'Title', type: 'string', required: true }], relations: [{ type: 'belongsTo', entity: 'Publisher' }] }] };
    try {
      generateApp(broken);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GenerateError);
      expect((error as GenerateError).code).toBe('generate_invalid_spec');
    }
    expect(() => generateApp({ ...spec(PROMPTS.api), name: { package: '../escape', title: 'x' } })).toThrow(GenerateError);
  });
});
