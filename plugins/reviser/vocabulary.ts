import type { AppKind, FieldType } from '../parser/spec.ts';

/**
 * The words change requests use, as data: what each kind, type and feature is called, and which
 * field names imply which type. The interpreter only looks things up here.
 */

/** Phrases naming a kind of app → the kind. Keys are normalized (see parser/normalize.ts). */
export const KIND_WORDS: Readonly<Record<string, AppKind>> = {
  fullstack: 'fullstack',
  'fullstack app': 'fullstack',
  'app with an api': 'fullstack',
  'app with a backend': 'fullstack',
  'app with a database': 'fullstack',
  'rest api': 'rest-api',
  api: 'rest-api',
  'crud api': 'rest-api',
  crudapi: 'rest-api',
  backend: 'rest-api',
  'api only': 'rest-api',
  'browser only': 'react-spa',
  'browser-only': 'react-spa',
  'frontend only': 'react-spa',
  'frontend-only': 'react-spa',
  spa: 'react-spa',
  'react app': 'react-spa',
  'react spa': 'react-spa',
  'static site': 'static-site',
  'static website': 'static-site',
  website: 'static-site',
  cli: 'cli',
  commandline: 'cli',
  'commandline tool': 'cli',
};

/** Kinds that hold entities and can be switched between without losing them. */
export const ENTITY_KINDS: readonly AppKind[] = ['react-spa', 'rest-api', 'fullstack'];

export const KIND_NAMES: Readonly<Record<AppKind, string>> = {
  'react-spa': 'a browser-only React app',
  'rest-api': 'a REST API',
  fullstack: 'a full-stack app',
  cli: 'a command-line tool',
  'static-site': 'a static website',
};

/** Words naming a field type. */
export const TYPE_WORDS: Readonly<Record<string, FieldType>> = {
  string: 'string',
  'short text': 'string',
  text: 'text',
  'long text': 'text',
  paragraph: 'text',
  number: 'number',
  decimal: 'number',
  'decimal number': 'number',
  float: 'number',
  money: 'number',
  integer: 'integer',
  int: 'integer',
  'whole number': 'integer',
  count: 'integer',
  boolean: 'boolean',
  bool: 'boolean',
  checkbox: 'boolean',
  'yes no': 'boolean',
  'yes/no': 'boolean',
  toggle: 'boolean',
  flag: 'boolean',
  date: 'date',
  day: 'date',
  email: 'email',
  'email address': 'email',
  url: 'url',
  link: 'url',
  'web address': 'url',
};

/** A field name's ending or whole name → the type it most likely has, first match wins. */
export const FIELD_NAME_HINTS: ReadonlyArray<readonly [RegExp, FieldType]> = [
  [/(?:date|deadline|birthday|^due|on$|at$)$/i, 'date'],
  [/email/i, 'email'],
  [/(?:url|link|website|homepage)$/i, 'url'],
  [/(?:price|amount|cost|total|weight|height|balance|budget|rate)$/i, 'number'],
  [/(?:count|quantity|age|year|minutes|seconds|hours|days|rating|score|stock|number)$/i, 'integer'],
  [/^(?:is|has|can)[A-Z]|(?:done|completed|archived|active|favorite|favourite|pinned|paid|read)$/, 'boolean'],
  [/(?:notes|description|body|bio|summary|details|comment)$/i, 'text'],
];

/** Feature names of the spec (`features.<name>`) → the words that ask for them. */
export const FEATURE_NAMES: Readonly<Record<'search' | 'filtering' | 'sorting' | 'pagination' | 'auth', readonly string[]>> = {
  search: ['search', 'searching', 'searchable', 'a search box', 'a search bar', 'lookup'],
  filtering: ['filter', 'filters', 'filtering', 'filterable'],
  sorting: ['sort', 'sorting', 'sortable'],
  pagination: ['pagination', 'paging', 'paginated', 'pages of results'],
  auth: ['auth', 'authentication', 'login', 'logins', 'signup', 'accounts', 'passwords', 'password protection', 'protected writes'],
};

/** Features each kind can honour; the rest are refused with the reason given. */
export const FEATURE_LIMITS: Readonly<Record<AppKind, Partial<Record<keyof typeof FEATURE_NAMES, string>>>> = {
  'react-spa': { auth: 'a browser-only app cannot protect its data; ask for "make it full-stack with login"', pagination: 'lists in a browser-only app show every item' },
  'rest-api': {},
  fullstack: {},
  cli: {
    search: 'command-line tools are not generated with search',
    filtering: 'command-line tools are not generated with filtering',
    sorting: 'command-line tools are not generated with sorting',
    pagination: 'command-line tools are not generated with pagination',
    auth: 'a command-line tool has no one to log in',
  },
  'static-site': {
    search: 'a static site has no data to search',
    filtering: 'a static site has no data to filter',
    sorting: 'a static site has no data to sort',
    pagination: 'a static site has no data to page through',
    auth: 'a static site has no data to protect',
  },
};

export const FRAMEWORKS: Readonly<Record<AppKind, 'react' | 'hono' | 'react-hono' | 'node' | 'html'>> = {
  'react-spa': 'react',
  'rest-api': 'hono',
  fullstack: 'react-hono',
  cli: 'node',
  'static-site': 'html',
};

/** Words that open a new request inside one sentence: "add a due date and make it full-stack". */
export const CLAUSE_VERBS = new Set(['add', 'remove', 'delete', 'drop', 'rename', 'make', 'change', 'set', 'turn', 'switch', 'convert', 'call', 'name', 'label', 'relabel', 'link', 'give', 'enable', 'disable', 'include', 'require', 'then']);
