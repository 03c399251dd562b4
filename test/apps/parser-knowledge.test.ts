import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainDataError } from '../../plugins/parser/domains/schema.ts';
import { inferFieldType, parseFieldList } from '../../plugins/parser/fields.ts';
import { parsePrompt } from '../../plugins/parser/parse.ts';
import { builtinKnowledge, knowledge } from '../../plugins/parser/registry.ts';
import { AppSpecSchema } from '../../plugins/parser/spec.ts';

const beekeeping = {
  id: 'beekeeping',
  title: 'Beekeeping',
  kind: 'react-spa',
  signals: { beekeeping: 3, apiary: 3, hive: 1 },
  entities: {
    Hive: { words: ['hive', 'colony'], fields: 'name!, location, queenYear:integer' },
    Inspection: { words: ['inspection', 'check'], fields: 'date:date!, broodFrames:integer, notes:text', belongsTo: ['Hive'] },
  },
  core: ['Hive', 'Inspection'],
};

describe('domain knowledge', () => {
  it('has at least 40 built-in domains, one data file each, and the behaviours of the issue', () => {
    const files = readdirSync(new URL('../../plugins/parser/domains/data/', import.meta.url)).filter((file) => file.endsWith('.ts'));
    expect(knowledge.domains.length).toBeGreaterThanOrEqual(40);
    expect(files.length).toBe(knowledge.domains.length);
    expect(knowledge.behaviours.map((behaviour) => behaviour.id)).toEqual(
      expect.arrayContaining(['auth', 'redirect-clicks', 'voting', 'quiz', 'charts', 'booking', 'chat-rooms', 'cart-checkout', 'search', 'csv', 'due-dates', 'tags']),
    );
  });

  it('reads a prompt with a domain a plugin registered, like a built-in one', () => {
    const before = parsePrompt('an app for my apiary with hives and inspections').spec;
    expect(before.domain).toBeUndefined();
    const extended = builtinKnowledge();
    extended.registerDomain(beekeeping, 'plugin beekeeping');
    const { spec } = parsePrompt('an app for my apiary with hives and inspections', { knowledge: extended });
    expect(spec.domain).toBe('beekeeping');
    expect(spec.entities.map((entity) => entity.name)).toEqual(['Hive', 'Inspection']);
    expect(spec.entities[0]?.fields.map((field) => field.name)).toEqual(['name', 'location', 'queenYear']);
    expect(spec.entities[1]?.relations).toEqual([{ type: 'belongsTo', entity: 'Hive' }]);
    expect(parsePrompt('a beekeeping app', { knowledge: extended }).spec.entities.map((entity) => entity.name)).toEqual(['Hive', 'Inspection']);
  });

  it('refuses domain data that does not hold together, naming where', () => {
    const fresh = builtinKnowledge();
    const broken = (change: Record<string, unknown>) => () => fresh.registerDomain({ ...beekeeping, ...change }, 'plugin beekeeping');
    expect(broken({ core: ['Queen'] })).toThrow(/plugin beekeeping: core: core entity Queen/);
    expect(broken({ entities: { Hive: { words: ['hive'], fields: 'name!', belongsTo: ['Apiary'] } }, core: ['Hive'] })).toThrow(/entities\.Hive: Hive relates to Apiary/);
    expect(broken({ entities: { Hive: { words: ['hive'], fields: 'name!, size:huge' } }, core: ['Hive'] })).toThrow(/unknown type huge/);
    expect(broken({ entities: { Hive: { words: ['Hive'], fields: 'name!' } }, core: ['Hive'] })).toThrow(DomainDataError);
    expect(broken({ behaviours: ['teleport'] })).toThrow(/behaviour teleport is not registered/);
    fresh.registerDomain(beekeeping);
    expect(() => fresh.registerDomain(beekeeping)).toThrow(/already registered/);
    try {
      broken({ kind: 'desktop' })();
    } catch (error) {
      expect((error as DomainDataError).code).toBe('domain_invalid');
    }
  });

  it('parses field lists and infers types from names', () => {
    expect(parseFieldList('name!, birthDate:date, body:text!, status:enum(open|closed)')).toEqual([
      { name: 'name', label: 'Name', type: 'string', required: true },
      { name: 'birthDate', label: 'Birth date', type: 'date', required: false },
      { name: 'body', label: 'Body', type: 'text', required: true },
      { name: 'status', label: 'Status', type: 'enum', required: false, options: ['open', 'closed'] },
    ]);
    expect(() => parseFieldList('status:enum')).toThrow(/enum fields/);
    expect(() => parseFieldList('Name')).toThrow(/is not name/);
    expect([inferFieldType('email'), inferFieldType('purchaseDate'), inferFieldType('price'), inferFieldType('tankSize'), inferFieldType('website'), inferFieldType('paid')]).toEqual(['email', 'date', 'number', 'string', 'url', 'boolean']);
  });
});

describe('AppSpec compatibility', () => {
  const old = parsePrompt('a REST API for a bookstore with books and authors').spec;

  it('still reads a spec written before behaviours and domains existed', () => {
    const { behaviours: _behaviours, domain: _domain, ...written } = old;
    const spec = AppSpecSchema.parse(JSON.parse(JSON.stringify(written)));
    expect(spec.behaviours).toEqual([]);
    expect(spec.domain).toBeUndefined();
  });

  it('checks that a many-to-many goes through an entity that belongs to both ends', () => {
    const school = parsePrompt('a school app with students, courses and enrollments').spec;
    expect(AppSpecSchema.safeParse(school).success).toBe(true);
    const cut = structuredClone(school);
    const enrollment = cut.entities.find((entity) => entity.name === 'Enrollment')!;
    enrollment.relations = enrollment.relations.filter((relation) => relation.entity !== 'Course');
    const result = AppSpecSchema.safeParse(cut);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain('Student and Course are linked through Enrollment, which must belong to both');
  });

  it('refuses a behaviour listed twice', () => {
    expect(AppSpecSchema.safeParse({ ...old, behaviours: ['search', 'search'] }).success).toBe(false);
  });
});

describe('unresolved', () => {
  it('holds sentences a person understands, never raw words', () => {
    const cases = [
      'a movie watchlist in React with dark mode and notifications',
      'a static site for my bakery with search',
      'a React single page app with login for my notes',
      'A URL shortener API that redirects short codes and counts clicks',
      'Build a habit tracker where I can add habits and check them off daily',
      'a CLI to manage my todo list with search and a chart',
    ];
    for (const prompt of cases) {
      for (const entry of parsePrompt(prompt).spec.unresolved) expect(entry).toMatch(/^[A-Z][^:]*: (?:not built|not used) — [a-z].+\.$/);
    }
    expect(parsePrompt('a movie watchlist in React with dark mode and notifications').spec.unresolved).toEqual([
      'Dark mode: not built — the app has one light theme.',
      'Notifications: not built — the app sends no e-mail or push messages.',
    ]);
    expect(parsePrompt('a React single page app with login for my notes').spec.unresolved).toEqual([
      'Sign-up and login: not built — a browser-only app cannot protect its data; ask for a full-stack app.',
    ]);
    expect(parsePrompt('a CLI to manage my todo list with search and a chart').spec.unresolved).toEqual([
      'Charts: not built — command-line tools are generated without it.',
      'Search: not built — command-line tools are generated without it.',
    ]);
  });
});
