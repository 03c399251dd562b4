import { describe, expect, it } from 'vitest';
import { QLayerError } from '../../core/errors.ts';
import { MAX_PROMPT_LENGTH, PromptTooLongError, PromptUnsupportedError } from '../../plugins/parser/errors.ts';
import { parsePrompt } from '../../plugins/parser/parse.ts';
import { AppSpecSchema, type AppKind, type AppSpec, type Features } from '../../plugins/parser/spec.ts';

interface Expected {
  kind: AppKind;
  /** Entity names, in order. */
  entities?: string[];
  /** Fields that must be there, per entity (a subset). */
  fields?: Record<string, string[]>;
  /** `Child belongsTo Parent`, each also implying the inverse hasMany. */
  relations?: string[];
  features?: Partial<Features>;
  pages?: string[];
  cli?: AppSpec['cli'];
  name?: string;
  title?: string;
  /** Entries that must be in `unresolved` (substrings). */
  unresolved?: string[];
  /** Behaviour ids, exactly. */
  behaviours?: string[];
  /** `A manyToMany B through J`. */
  manyToMany?: string[];
}

const cases: [string, Expected][] = [
  // The brief's own examples.
  ['Create a todo app with React', { kind: 'react-spa', entities: ['Todo'], fields: { Todo: ['title', 'completed'] }, features: { persistence: 'localStorage', filtering: true }, name: 'todo-app', title: 'Todo App', unresolved: [] }],
  ['a React to-do list', { kind: 'react-spa', entities: ['Todo'], name: 'todo-list' }],
  ['I need a tasks tracker in React', { kind: 'react-spa', entities: ['Task'], fields: { Task: ['title', 'completed', 'priority', 'dueDate'] }, name: 'tasks-tracker' }],
  ['a REST API for a bookstore with books and authors', { kind: 'rest-api', entities: ['Book', 'Author'], fields: { Book: ['title', 'isbn', 'price'], Author: ['name'] }, relations: ['Book belongsTo Author'], features: { persistence: 'embedded-db', pagination: true, sorting: true, filtering: true, auth: false }, name: 'bookstore-api', title: 'Bookstore API' }],
  ['CLI tool to convert csv to json', { kind: 'cli', entities: [], cli: { mode: 'convert', from: 'csv', to: 'json' }, name: 'csv-to-json', features: { persistence: 'none' } }],
  ['a landing page website for my bakery with about and contact pages', { kind: 'static-site', entities: [], pages: ['index', 'about', 'contact'], name: 'bakery-website', title: 'Bakery' }],
  ['full-stack recipe manager with a React frontend and an API', { kind: 'fullstack', entities: ['Recipe'], fields: { Recipe: ['title', 'ingredients', 'instructions', 'servings'] }, features: { persistence: 'embedded-db' }, name: 'recipe-manager' }],
  // The end-to-end prompts.
  ['a full-stack recipe manager with a React frontend and an API', { kind: 'fullstack', entities: ['Recipe'], name: 'recipe-manager' }],
  ['a command-line tool to convert csv files to json', { kind: 'cli', cli: { mode: 'convert', from: 'csv', to: 'json' } }],
  ['a static website for a bakery with home, menu, about and contact pages', { kind: 'static-site', pages: ['index', 'menu', 'about', 'contact'], title: 'Bakery' }],
  // React single-page apps, phrased many ways.
  ['Build me a simple to do list', { kind: 'react-spa', entities: ['Todo'] }],
  ['todo list app that persists to localStorage with filters', { kind: 'react-spa', entities: ['Todo'], features: { filtering: true, persistence: 'localStorage' }, unresolved: [] }],
  ['a kanban board', { kind: 'react-spa', entities: ['Task', 'Project'], relations: ['Task belongsTo Project'] }],
  ['an expense tracker with categories and search', { kind: 'react-spa', entities: ['Expense', 'Category'], fields: { Expense: ['amount', 'spentOn'] }, relations: ['Expense belongsTo Category'], features: { search: true } }],
  ['habit tracker with streaks', { kind: 'react-spa', entities: ['Habit'], fields: { Habit: ['name', 'streak', 'frequency'] } }],
  ['a note taking app with search', { kind: 'react-spa', entities: ['Note'], features: { search: true } }],
  ['a contacts app with name, email and phone', { kind: 'react-spa', entities: ['Contact'], fields: { Contact: ['name', 'email', 'phone'] } }],
  ['a plant watering tracker that reminds me when to water', { kind: 'react-spa', entities: ['Plant'], unresolved: ['Reminders: not built'] }],
  ['a movie watchlist in React with dark mode', { kind: 'react-spa', entities: ['Movie'], fields: { Movie: ['title', 'watched'] }, name: 'movie-watchlist', unresolved: ['Dark mode: not built'] }],
  ['a plant watering tracker', { kind: 'react-spa', entities: ['Plant'], fields: { Plant: ['lastWatered'] } }],
  ['a bookmark manager with tags and notes', { kind: 'react-spa', entities: ['Bookmark'], fields: { Bookmark: ['url', 'tags', 'notes'] } }],
  ['a blog with posts and comments', { kind: 'react-spa', entities: ['Post', 'Comment'], relations: ['Comment belongsTo Post'], name: 'blog-app' }],
  // A CRM is a sales team's shared data: full-stack (was react-spa, which kept it in one browser).
  ['create a CRM with contacts, companies and deals', { kind: 'fullstack', entities: ['Contact', 'Company', 'Deal'], relations: ['Contact belongsTo Company', 'Deal belongsTo Company'], title: 'CRM App' }],
  ['a React app for a music library with songs, albums and artists', { kind: 'react-spa', entities: ['Song', 'Album', 'Artist'], relations: ['Song belongsTo Album', 'Album belongsTo Artist'] }],
  ['a recipe book where each recipe has many ingredients', { kind: 'react-spa', entities: ['Recipe', 'Ingredient'], relations: ['Ingredient belongsTo Recipe'], name: 'recipe-book' }],
  ['a job application tracker', { kind: 'react-spa', entities: ['Job'], name: 'job-application-tracker' }],
  ['I want an app to track my workouts and exercises', { kind: 'react-spa', entities: ['Workout', 'Exercise'], relations: ['Exercise belongsTo Workout'] }],
  ['a flashcards app for learning spanish', { kind: 'react-spa', entities: ['Flashcard'], fields: { Flashcard: ['front', 'back'] } }],
  // Logging in needs a server (was react-spa with login dropped).
  ['a web app where users can log in and manage their bookmarks', { kind: 'fullstack', entities: ['Bookmark'], features: { auth: true }, behaviours: ['auth'] }],
  ['an employee directory with departments, with sorting and pagination', { kind: 'react-spa', entities: ['Employee', 'Department'], features: { sorting: true, pagination: false }, unresolved: ['Pagination: not built'] }],
  ['a recipe app called Cookbook Pro', { kind: 'react-spa', entities: ['Recipe'], name: 'cookbook-pro', title: 'Cookbook Pro' }],
  ['a sandwich app', { kind: 'react-spa', entities: ['Sandwich'], fields: { Sandwich: ['name', 'description'] } }],
  ['a React app', { kind: 'react-spa', entities: ['Item'] }],
  // REST APIs.
  // "user login" asks for login, not for a User resource (was an extra User entity).
  ['REST API for a blog with posts and comments and user login', { kind: 'rest-api', entities: ['Post', 'Comment'], features: { auth: true }, behaviours: ['auth'] }],
  ['a backend for a recipe app with recipes and ingredients', { kind: 'rest-api', entities: ['Recipe', 'Ingredient'], relations: ['Ingredient belongsTo Recipe'] }],
  ['an HR API with employees and departments with search', { kind: 'rest-api', entities: ['Employee', 'Department'], features: { search: true }, title: 'HR API' }],
  // Teachers are known to the school domain now (the old expectation checked the unknown-noun fallback).
  ['an API for managing students, teachers and classrooms', { kind: 'rest-api', entities: ['Student', 'Teacher', 'Classroom'], fields: { Teacher: ['name', 'email'], Classroom: ['name', 'capacity'] } }],
  ['a movie database API with movies and reviews, paginated and sortable', { kind: 'rest-api', entities: ['Movie', 'Review'], relations: ['Review belongsTo Movie'], features: { pagination: true, sorting: true } }],
  ['an online store API with products, orders and customers, with auth', { kind: 'rest-api', entities: ['Product', 'Order', 'Customer'], relations: ['Order belongsTo Customer'], features: { auth: true } }],
  ['a REST API where authors have many books', { kind: 'rest-api', entities: ['Author', 'Book'], relations: ['Book belongsTo Author'] }],
  ['a customer orders API where each order belongs to a customer', { kind: 'rest-api', entities: ['Customer', 'Order'], relations: ['Order belongsTo Customer'], unresolved: [] }],
  ['an api for a hotel with rooms and bookings', { kind: 'rest-api', entities: ['Room', 'Booking'], relations: ['Booking belongsTo Room'], name: 'hotel-api' }],
  ['help desk ticketing api', { kind: 'rest-api', entities: ['Ticket', 'Customer'] }],
  // Full-stack.
  ['a full stack app for managing contacts', { kind: 'fullstack', entities: ['Contact'] }],
  ['a fullstack todo app with React and a Hono backend', { kind: 'fullstack', entities: ['Todo'], name: 'todo-app' }],
  ['React frontend with an API backend for an event planner', { kind: 'fullstack', entities: ['Event'], name: 'event-planner' }],
  ['todo app with a database', { kind: 'fullstack', entities: ['Todo'], features: { persistence: 'embedded-db' } }],
  // Command-line tools.
  ['a cli that converts json to csv', { kind: 'cli', cli: { mode: 'convert', from: 'json', to: 'csv' }, name: 'json-to-csv' }],
  ['command line tool to turn csv into a markdown table', { kind: 'cli', cli: { mode: 'convert', from: 'csv', to: 'markdown' } }],
  ['a node script to convert jsonl to json', { kind: 'cli', cli: { mode: 'convert', from: 'jsonl', to: 'json' } }],
  ['convert tsv to csv', { kind: 'cli', cli: { mode: 'convert', from: 'tsv', to: 'csv' } }],
  ['a CLI to manage my todo list', { kind: 'cli', entities: ['Todo'], cli: { mode: 'manage' }, features: { persistence: 'json-file' }, name: 'todo-cli' }],
  ['a terminal app to keep track of my habits', { kind: 'cli', entities: ['Habit'], cli: { mode: 'manage' } }],
  // Static sites.
  ['a portfolio website with projects and contact pages', { kind: 'static-site', pages: ['index', 'projects', 'contact'], name: 'portfolio-website' }],
  ['a one page landing page for my startup', { kind: 'static-site', pages: ['index'], name: 'startup-website' }],
  ['website for a dental clinic with services, team and contact pages', { kind: 'static-site', pages: ['index', 'services', 'team', 'contact'], title: 'Dental Clinic' }],
  ['a static site for my coffee shop with a menu page', { kind: 'static-site', pages: ['index', 'menu'], title: 'Coffee Shop' }],
  ['a website about dogs', { kind: 'static-site', pages: ['index', 'about', 'contact'] }],
  // The table: what came out wrong before, and what a developer would build.
  ['A chat app where users can send messages in rooms', { kind: 'fullstack', entities: ['Message', 'Room'], fields: { Room: ['name'], Message: ['body'] }, relations: ['Message belongsTo Room'], behaviours: ['chat-rooms'], unresolved: [] }],
  ['event booking system with events, venues and tickets where users can book tickets, with a React UI and a backend', { kind: 'fullstack', entities: ['Event', 'Venue', 'Ticket'], fields: { Ticket: ['holderName'] }, relations: ['Event belongsTo Venue', 'Ticket belongsTo Event'], behaviours: ['booking'] }],
  ['a REST API for a vet clinic with owners, pets and visits', { kind: 'rest-api', entities: ['Owner', 'Pet', 'Visit'], relations: ['Pet belongsTo Owner', 'Visit belongsTo Pet'], behaviours: [] }],
  ['static documentation site for my open-source library with getting started, API reference and FAQ pages', { kind: 'static-site', entities: [], pages: ['index', 'getting-started', 'api-reference', 'faq'], unresolved: [] }],
  ['A URL shortener API that redirects short codes and counts clicks', { kind: 'rest-api', entities: ['Link'], fields: { Link: ['url', 'code', 'clicks'] }, behaviours: ['redirect-clicks'], unresolved: [] }],
  ['Build a CRM with contacts, companies and deals, with login', { kind: 'fullstack', entities: ['Contact', 'Company', 'Deal'], relations: ['Contact belongsTo Company', 'Deal belongsTo Company'], features: { auth: true }, behaviours: ['auth'] }],
  ['Build a habit tracker where I can add habits and check them off daily', { kind: 'react-spa', entities: ['Habit'], fields: { Habit: ['doneToday', 'frequency'] }, unresolved: [] }],
  // Word senses follow the domain.
  ['an api for a hotel with rooms and guests', { kind: 'rest-api', entities: ['Room', 'Guest'], fields: { Room: ['pricePerNight'] } }],
  ['a chat api with rooms', { kind: 'rest-api', entities: ['Room', 'Message'], fields: { Room: ['topic'] } }],
  ['a helpdesk with tickets', { kind: 'fullstack', entities: ['Ticket', 'Customer'], fields: { Ticket: ['priority'] } }],
  ['a concert ticketing app with events and tickets', { kind: 'fullstack', entities: ['Event', 'Ticket'], fields: { Ticket: ['holderName'] } }],
  ['a school app with students, courses and enrollments', { kind: 'fullstack', entities: ['Student', 'Course', 'Enrollment'], manyToMany: ['Student manyToMany Course through Enrollment'] }],
  ['a discussion forum with categories, threads and posts', { kind: 'fullstack', entities: ['Category', 'Thread', 'Post'], relations: ['Post belongsTo Thread'], fields: { Post: ['body'] } }],
  // Unknown nouns get fields from their name and the words around them.
  ['an app for my pets with a species and a birth date', { kind: 'react-spa', entities: ['Pet'], fields: { Pet: ['name', 'species', 'birthDate'] } }],
  ['an app to keep my aquarium fish with a species, tank size and a purchase date', { kind: 'react-spa', entities: ['Fish'], fields: { Fish: ['name', 'species', 'tankSize', 'purchaseDate'] } }],
  ['a REST API for a dog walking business with dogs, walkers and walks', { kind: 'rest-api', entities: ['Dog', 'Walker', 'Walk'], fields: { Walker: ['name', 'email', 'phone'] } }],
  // Kinds follow needs; a kind word wins.
  ['a poll site', { kind: 'fullstack', entities: ['Poll', 'Option'], behaviours: ['voting'] }],
  ['a single page app for a hotel front desk to see rooms and bookings', { kind: 'react-spa', entities: ['Room', 'Booking'], behaviours: ['booking'] }],
  ['a React app with login for my recipes', { kind: 'fullstack', entities: ['Recipe'], behaviours: ['auth'] }],
  ['docs site for our SDK', { kind: 'static-site', pages: ['index', 'getting-started', 'guides', 'api-reference', 'faq'] }],
];

function relationsOf(spec: AppSpec): string[] {
  return spec.entities.flatMap((entity) => entity.relations.map((relation) => `${entity.name} ${relation.type} ${relation.entity}`));
}

describe('parsePrompt', () => {
  it('has a table of at least 40 prompts', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('%s', (prompt, expected) => {
    const { spec, notes } = parsePrompt(prompt);
    expect(AppSpecSchema.safeParse(spec).success).toBe(true);
    expect(spec.kind).toBe(expected.kind);
    expect(notes[0]).toContain(expected.kind);
    if (expected.entities !== undefined) expect(spec.entities.map((entity) => entity.name)).toEqual(expected.entities);
    for (const [name, fields] of Object.entries(expected.fields ?? {})) {
      const entity = spec.entities.find((candidate) => candidate.name === name);
      expect(entity?.fields.map((field) => field.name)).toEqual(expect.arrayContaining(fields));
    }
    const relations = relationsOf(spec);
    for (const relation of expected.relations ?? []) {
      const [child, , parent] = relation.split(' ');
      expect(relations).toContain(relation);
      expect(relations).toContain(`${parent} hasMany ${child}`);
    }
    if (expected.features !== undefined) expect(spec.features).toMatchObject(expected.features);
    if (expected.pages !== undefined) expect(spec.pages.map((page) => page.slug)).toEqual(expected.pages);
    if (expected.cli !== undefined) expect(spec.cli).toEqual(expected.cli);
    if (expected.name !== undefined) expect(spec.name.package).toBe(expected.name);
    if (expected.title !== undefined) expect(spec.name.title).toBe(expected.title);
    if (expected.behaviours !== undefined) expect(spec.behaviours).toEqual(expected.behaviours);
    for (const link of expected.manyToMany ?? []) {
      const [a, , b, , join] = link.split(' ');
      expect(spec.entities.find((entity) => entity.name === a)?.relations).toContainEqual({ type: 'manyToMany', entity: b, through: join });
      expect(spec.entities.find((entity) => entity.name === b)?.relations).toContainEqual({ type: 'manyToMany', entity: a, through: join });
      expect(relationsOf(spec)).toEqual(expect.arrayContaining([`${join} belongsTo ${a}`, `${join} belongsTo ${b}`]));
    }
    if (expected.unresolved !== undefined) {
      if (expected.unresolved.length === 0) expect(spec.unresolved).toEqual([]);
      for (const part of expected.unresolved) expect(spec.unresolved.some((entry) => entry.includes(part))).toBe(true);
    }
  });

  it('keeps each kind to what it can use', () => {
    expect(parsePrompt('a static website for a bakery').spec.entities).toEqual([]);
    expect(parsePrompt('a REST API for a bookstore').spec.pages).toEqual([]);
    expect(parsePrompt('a REST API for a bookstore').spec.cli).toBeUndefined();
  });

  it('replaces a text field by the reference a relation adds', () => {
    const book = parsePrompt('a REST API for a bookstore with books and authors').spec.entities.find((entity) => entity.name === 'Book');
    expect(book?.fields.map((field) => field.name)).not.toContain('author');
    expect(parsePrompt('a book tracker').spec.entities[0]?.fields.map((field) => field.name)).toContain('author');
  });

  it('keeps the prompt as the description', () => {
    expect(parsePrompt('  Create a todo app with React  ').spec.description).toBe('Create a todo app with React');
  });
});

describe('prompts it must refuse', () => {
  const refused: [string, RegExp][] = [
    ['make me a sandwich', /no app, API/],
    ['', /empty/],
    ['   \n\t ', /empty/],
    ['asdf', /no app, API/],
    ['write me a poem', /no app, API/],
    ["what's the capital of France?", /no app, API/],
    ['write an OS kernel', /kernels/],
    ['an operating system in Rust', /operating systems/],
    ['a mobile iOS app for notes', /mobile/],
    ['an android app for recipes', /mobile/],
    ['a React Native todo app', /mobile/],
    ['a todo app in Vue', /React/],
    ['an Angular dashboard', /React/],
    ['a Django REST API for books', /Node\.js/],
    ['a python script to convert csv to json', /TypeScript/],
    ['a REST API in Go for books', /TypeScript/],
    ['a tic tac toe game', /games/],
    ['a game in React', /games/],
    ['convert yaml to json', /yaml/],
    ['a cli to convert pdf to word', /pdf/],
    ['weather app', /live data/],
    ['a chrome extension that blocks ads', /extensions/],
    ['a keylogger', /malicious/],
    ['train a machine learning model', /machine-learning/],
  ];

  it.each(refused)('%j', (prompt, reason) => {
    let thrown: unknown;
    try {
      parsePrompt(prompt);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PromptUnsupportedError);
    expect(thrown).toBeInstanceOf(QLayerError);
    const error = thrown as PromptUnsupportedError;
    expect(error.code).toBe('prompt_unsupported');
    expect(error.reason).toMatch(reason);
    expect(error.message).toContain('react-spa, rest-api, fullstack, cli, static-site');
    expect(error.toJSON().details).toMatchObject({ supportedKinds: ['react-spa', 'rest-api', 'fullstack', 'cli', 'static-site'] });
  });

  it('bounds the prompt length', () => {
    const long = `Create a todo app with React. ${'Please make it nice. '.repeat(250)}`;
    expect(long.length).toBeGreaterThan(MAX_PROMPT_LENGTH);
    expect(() => parsePrompt(long)).toThrow(PromptTooLongError);
    try {
      parsePrompt(long);
    } catch (error) {
      expect((error as PromptTooLongError).code).toBe('prompt_too_long');
      expect((error as PromptTooLongError).details).toEqual({ length: long.length, max: MAX_PROMPT_LENGTH });
    }
    expect(() => parsePrompt('Create a todo app with React. '.padEnd(MAX_PROMPT_LENGTH, ' '))).not.toThrow();
  });

  it('refuses what is not text', () => {
    expect(() => parsePrompt(42 as unknown as string)).toThrow(PromptUnsupportedError);
  });
});
