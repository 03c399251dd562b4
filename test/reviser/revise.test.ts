import { describe, expect, it } from 'vitest';
import { generateApp } from '../../plugins/generator-templates/generate.ts';
import { parsePrompt } from '../../plugins/parser/parse.ts';
import type { AppSpec } from '../../plugins/parser/spec.ts';
import { RevisionError } from '../../plugins/reviser/errors.ts';
import { clauses, reviseSpec } from '../../plugins/reviser/revise.ts';

const PROMPTS = {
  spa: 'Create a todo app with React',
  notes: 'a notes app',
  api: 'a REST API for a bookstore with books and authors',
  fullstack: 'a full-stack recipe manager with a React frontend and an API',
  cli: 'a command-line tool to manage my books',
  convert: 'a command-line tool to convert csv files to json',
  site: 'a static website for a bakery with home, menu, about and contact pages',
} as const;

const specOf = (key: keyof typeof PROMPTS): AppSpec => parsePrompt(PROMPTS[key]).spec;
const entity = (spec: AppSpec, name: string) => spec.entities.find((e) => e.name === name)!;
const code = (spec: AppSpec): string => generateApp(spec).filter((f) => /\.(tsx?|html)$/.test(f.path)).map((f) => f.content).join('\n');

function refused(spec: AppSpec, request: string): RevisionError {
  const before = structuredClone(spec);
  try {
    reviseSpec(spec, request);
  } catch (error) {
    expect(spec).toEqual(before);
    expect(error).toBeInstanceOf(RevisionError);
    return error as RevisionError;
  }
  throw new Error(`"${request}" was accepted`);
}

describe('the issue\'s four requests', () => {
  it('"add a due date to todos" adds a date field that the generated app shows', () => {
    const { spec, changes } = reviseSpec(specOf('spa'), 'add a due date to todos');
    expect(entity(spec, 'Todo').fields.at(-1)).toEqual({ name: 'dueDate', label: 'Due date', type: 'date', required: false });
    expect(changes).toEqual(['added date field dueDate to Todo']);
    expect(code(spec)).toContain('dueDate');
  });

  it('"todos belong to projects" adds Project from the dictionary and links it', () => {
    const { spec } = reviseSpec(specOf('spa'), 'todos belong to projects');
    expect(spec.entities.map((e) => e.name)).toEqual(['Todo', 'Project']);
    expect(entity(spec, 'Todo').relations).toEqual([{ type: 'belongsTo', entity: 'Project' }]);
    expect(entity(spec, 'Project').relations).toEqual([{ type: 'hasMany', entity: 'Todo' }]);
    expect(entity(spec, 'Project').fields.map((f) => f.name)).toContain('deadline');
    expect(code(spec)).toContain('projectId');
  });

  it('"rename notes to memos" renames the entity everywhere', () => {
    const { spec } = reviseSpec(specOf('notes'), 'rename notes to memos');
    expect(spec.entities.map((e) => [e.name, e.plural])).toEqual([['Memo', 'Memos']]);
    const generated = code(spec);
    expect(generated).toContain('Memo');
    expect(generated).not.toMatch(/\bNote\b|NoteForm|notes\.json/);
  });

  it('"make it full-stack with login" switches kind and turns auth on', () => {
    const { spec, changes } = reviseSpec(specOf('spa'), 'make it full-stack with login');
    expect(spec).toMatchObject({ kind: 'fullstack', framework: 'react-hono', features: { auth: true, persistence: 'embedded-db', pagination: true } });
    expect(changes).toHaveLength(2);
    expect(generateApp(spec).some((f) => f.path.startsWith('server/') || f.path.includes('api'))).toBe(true);
  });
});

describe('entities', () => {
  it.each([['spa'], ['api'], ['fullstack'], ['cli']] as const)('adds and removes an entity in a %s', (key) => {
    const added = reviseSpec(specOf(key), 'add customers').spec;
    expect(entity(added, 'Customer').fields.map((f) => f.name)).toEqual(['name', 'email', 'phone', 'address']);
    expect(code(added)).toContain('Customer');
    const removed = reviseSpec(added, 'remove customers').spec;
    expect(removed.entities.map((e) => e.name)).toEqual(specOf(key).entities.map((e) => e.name));
  });

  it('removing an entity drops the relations to it', () => {
    const { spec } = reviseSpec(specOf('api'), 'delete authors');
    expect(spec.entities.map((e) => e.name)).toEqual(['Book']);
    expect(entity(spec, 'Book').relations).toEqual([]);
    generateApp(spec);
  });

  it('renaming an entity renames relations that point at it', () => {
    const { spec } = reviseSpec(specOf('api'), 'rename authors to writers');
    expect(entity(spec, 'Book').relations).toEqual([{ type: 'belongsTo', entity: 'Writer' }]);
    expect(code(spec)).toContain('writerId');
  });

  it('refuses to remove the only entity and to add entities to a static site', () => {
    expect(refused(specOf('spa'), 'remove todos').code).toBe('revision_impossible');
    expect(refused(specOf('site'), 'add a due date to events').message).toContain('a static site holds pages, not entities');
    expect(reviseSpec(specOf('site'), 'add products').spec.pages.at(-1)).toEqual({ slug: 'products', title: 'Products' });
  });
});

describe('fields', () => {
  it('asks which entity gets a field when several could, listing the choices', () => {
    const error = refused(specOf('api'), 'add a due date');
    expect(error.code).toBe('revision_ambiguous');
    expect(error.message).toBe('which entity gets the due date: Book or Author?');
    expect(error.choices).toEqual(['Book', 'Author']);
  });

  it('adds several typed fields to one entity', () => {
    const { spec } = reviseSpec(specOf('fullstack'), 'give recipes a required rating, a number field called calories and a source url');
    const fields = entity(spec, 'Recipe').fields.slice(-3);
    expect(fields).toEqual([
      { name: 'rating', label: 'Rating', type: 'integer', required: true },
      { name: 'calories', label: 'Calories', type: 'number', required: false },
      { name: 'sourceUrl', label: 'Source url', type: 'url', required: false },
    ]);
    expect(code(spec)).toContain('sourceUrl');
  });

  it.each([['spa'], ['api'], ['cli']] as const)('changes type, requiredness, label and name of a field in a %s', (key) => {
    const spec = specOf(key);
    const first = spec.entities[0]!;
    const text = first.fields.find((f) => f.type !== 'text' && !f.required)!;
    const { spec: revised } = reviseSpec(spec, `make ${text.name} a long text; make ${text.name} required; label ${text.name} as "Shown name"; rename ${text.name} to subtitle`);
    expect(entity(revised, first.name).fields.find((f) => f.name === 'subtitle')).toEqual({ name: 'subtitle', label: 'Shown name', type: 'text', required: true });
    expect(code(revised)).toContain('subtitle');
  });

  it('makes a field a choice of options', () => {
    const { spec } = reviseSpec(specOf('spa'), 'add a priority to todos, then make priority one of low, high and urgent');
    expect(entity(spec, 'Todo').fields.at(-1)).toMatchObject({ name: 'priority', type: 'enum', options: ['low', 'high', 'urgent'] });
    generateApp(spec);
  });

  it('removes a field, naming the entity when the field is in several', () => {
    expect(refused(specOf('fullstack'), 'remove notes').code).toBe('revision_impossible');
    const { spec } = reviseSpec(specOf('api'), 'remove the price from books');
    expect(entity(spec, 'Book').fields.map((f) => f.name)).not.toContain('price');
  });

  it('refuses a field the entity already has, or one it does not', () => {
    expect(refused(specOf('spa'), 'add a title to todos').message).toBe('Todo already has a field title');
    expect(refused(specOf('spa'), 'make colour required').message).toContain('no entity has a field colour');
  });
});

describe('relations, features, kinds, names and pages', () => {
  it('links existing entities both ways of saying it', () => {
    const api = reviseSpec(specOf('api'), 'delete authors').spec;
    const { spec } = reviseSpec(reviseSpec(api, 'add authors').spec, 'authors have many books');
    expect(entity(spec, 'Book').relations).toEqual([{ type: 'belongsTo', entity: 'Author' }]);
    expect(refused(spec, 'books belong to authors').message).toContain('already related');
  });

  it.each([['api'], ['fullstack']] as const)('adds and removes search and login in a %s', (key) => {
    const on = reviseSpec(specOf(key), 'add search and login').spec;
    expect(on.features).toMatchObject({ search: true, auth: true });
    generateApp(on);
    const off = reviseSpec(on, 'remove login').spec;
    expect(off.features).toMatchObject({ search: true, auth: false });
  });

  it('refuses what a kind cannot have, and features not generated offline', () => {
    expect(refused(specOf('spa'), 'add login').message).toContain('make it full-stack with login');
    expect(refused(specOf('site'), 'add search').message).toContain('no data to search');
    expect(refused(specOf('spa'), 'add charts').message).toContain('not generated offline');
  });

  it.each([
    ['spa', 'make it a REST API', 'rest-api'],
    ['api', 'turn it into a browser-only app', 'react-spa'],
    ['fullstack', 'make it an api only', 'rest-api'],
  ] as const)('switches %s with "%s"', (key, request, kind) => {
    const { spec } = reviseSpec(specOf(key), request);
    expect(spec.kind).toBe(kind);
    expect(spec.entities).toEqual(specOf(key).entities);
    generateApp(spec);
  });

  it('switching to a browser-only app drops login and says so', () => {
    const withLogin = reviseSpec(specOf('api'), 'add login').spec;
    const { spec, changes } = reviseSpec(withLogin, 'make it browser-only');
    expect(spec.features.auth).toBe(false);
    expect(changes[0]).toContain('dropped auth');
  });

  it('refuses to switch a site or a converter into an app, listing what is possible', () => {
    const error = refused(specOf('convert'), 'make it full-stack');
    expect(error.code).toBe('revision_impossible');
    expect(refused(specOf('site'), 'make it a rest api').choices).toEqual(['a browser-only React app', 'a REST API', 'a full-stack app']);
  });

  it.each([['spa'], ['site'], ['convert']] as const)('renames a %s, keeping the title as written', (key) => {
    const { spec } = reviseSpec(specOf(key), 'rename the app to "Crumb & Co"');
    expect(spec.name).toEqual({ package: 'crumb-co', title: 'Crumb & Co' });
    expect(generateApp(spec).find((f) => f.path === 'package.json')!.content).toContain('"name": "crumb-co"');
  });

  it('adds and removes pages of a static site', () => {
    const { spec } = reviseSpec(specOf('site'), 'add a pricing page and an faq page, remove the about page');
    expect(spec.pages.map((p) => p.slug)).toEqual(['index', 'menu', 'contact', 'pricing', 'faq']);
    const paths = generateApp(spec).map((f) => f.path);
    expect(paths.some((p) => p.includes('pricing'))).toBe(true);
    expect(paths.some((p) => p.includes('about'))).toBe(false);
    expect(refused(specOf('site'), 'remove the home page').message).toContain('home page');
    expect(refused(specOf('spa'), 'add an about page').message).toContain('only static websites have pages');
  });
});

describe('requests', () => {
  it('splits clauses at sentence ends and at "and" before a verb, not inside lists', () => {
    expect(clauses('Add a due date and a priority to todos and make it full-stack. Rename the app to X')).toEqual(['Add a due date and a priority to todos', 'make it full-stack', 'Rename the app to X']);
  });

  it('starts a clause at a relation sentence too', () => {
    expect(clauses('add a due date to todos and todos belong to projects')).toEqual(['add a due date to todos', 'todos belong to projects']);
    const { spec } = reviseSpec(specOf('spa'), 'add a due date to todos and todos belong to projects');
    expect(entity(spec, 'Todo')).toMatchObject({ relations: [{ type: 'belongsTo', entity: 'Project' }] });
    expect(entity(spec, 'Todo').fields.map((f) => f.name)).toContain('dueDate');
  });

  it('changes nothing when one clause of several is not understood', () => {
    const error = refused(specOf('spa'), 'add a due date to todos and make it sing');
    expect(error.code).toBe('revision_not_understood');
    expect(error.message).toContain('"make it sing"');
  });

  it('keeps the behaviours and domain the parser found, which its edits do not touch', () => {
    const spec: AppSpec = { ...specOf('spa'), behaviours: ['csv'], domain: 'todo' };
    expect(reviseSpec(spec, 'add a due date to todos').spec).toMatchObject({ behaviours: ['csv'], domain: 'todo' });
  });
});
