/**
 * Word lists the parser's rules are written in. Prompts are normalized first (normalize.ts),
 * so multi-word terms appear here as one token: `fullstack`, `landingpage`, `localstorage`.
 */

export const FULLSTACK_WORDS = new Set(['fullstack']);
export const CLI_WORDS = new Set(['cli', 'terminal', 'shell', 'console', 'script', 'commandline']);
export const API_WORDS = new Set(['api', 'apis', 'rest', 'endpoint', 'endpoints', 'backend', 'server', 'microservice', 'webservice', 'graphql', 'crudapi']);
export const FRONT_WORDS = new Set(['react', 'frontend', 'ui', 'spa', 'webapp', 'gui']);
export const DB_WORDS = new Set(['database', 'db', 'sqlite', 'postgres', 'postgresql', 'mysql', 'pglite', 'sql', 'mongodb', 'mongo']);
export const SITE_WORDS = new Set(['website', 'websites', 'site', 'landingpage', 'homepage', 'portfolio', 'static', 'webpage', 'webpages', 'brochure', 'html']);

/** Nouns that name the thing being built; the word before one is usually its subject. */
export const APP_NOUNS = new Set([
  'app', 'apps', 'application', 'tracker', 'manager', 'management', 'list', 'dashboard', 'system', 'tool', 'platform',
  'planner', 'organizer', 'organiser', 'catalog', 'catalogue', 'portal', 'log', 'logger', 'keeper', 'board', 'service',
  'program', 'software', 'directory', 'registry', 'scheduler', 'collection', 'viewer', 'editor', 'converter', 'utility',
  'api', 'website', 'site', 'landingpage', 'cli', 'spa', 'webapp', 'backend', 'frontend', 'crud', 'book', 'database',
]);

/** Verbs that ask for software; with a known noun they are enough to go on. */
export const BUILD_VERBS = new Set(['create', 'build', 'make', 'generate', 'write', 'develop', 'code', 'scaffold', 'design', 'need', 'want', 'implement', 'setup', 'start']);

export const FEATURE_WORDS: Readonly<Record<'filtering' | 'search' | 'sorting' | 'pagination' | 'auth' | 'persistence', ReadonlySet<string>>> = {
  filtering: new Set(['filter', 'filters', 'filtering', 'filterable', 'filtered']),
  search: new Set(['search', 'searchable', 'searching', 'lookup']),
  sorting: new Set(['sort', 'sorting', 'sortable', 'sorted', 'orderby']),
  pagination: new Set(['pagination', 'paginate', 'paginated', 'paging']),
  auth: new Set(['auth', 'authentication', 'authenticated', 'login', 'logins', 'signup', 'password', 'passwords', 'authorization', 'jwt', 'oauth']),
  persistence: new Set(['persist', 'persists', 'persisted', 'persistent', 'persistence', 'save', 'saved', 'saves', 'localstorage', 'offline', 'store', 'stored', 'remember', 'remembers']),
};

/**
 * Requests understood but not generated offline, each with the sentence `unresolved` shows:
 * what was asked for, "not built" or "not used", and what the app does instead.
 */
export const UNSUPPORTED_FEATURES: Readonly<Record<string, string>> = {
  darkmode: 'Dark mode: not built — the app has one light theme.',
  notification: 'Notifications: not built — the app sends no e-mail or push messages.',
  notifications: 'Notifications: not built — the app sends no e-mail or push messages.',
  reminder: 'Reminders: not built — the app sends no reminders; dates are shown in the lists.',
  reminders: 'Reminders: not built — the app sends no reminders; dates are shown in the lists.',
  remind: 'Reminders: not built — the app sends no reminders; dates are shown in the lists.',
  reminds: 'Reminders: not built — the app sends no reminders; dates are shown in the lists.',
  payment: 'Online payments: not built — no payment provider is connected, so nothing is charged.',
  payments: 'Online payments: not built — no payment provider is connected, so nothing is charged.',
  stripe: 'Online payments: not built — no payment provider is connected, so nothing is charged.',
  paypal: 'Online payments: not built — no payment provider is connected, so nothing is charged.',
  realtime: 'Live updates: not built — pages show new data when they are reloaded.',
  websocket: 'Live updates: not built — pages show new data when they are reloaded.',
  websockets: 'Live updates: not built — pages show new data when they are reloaded.',
  upload: 'File uploads: not built — files and pictures are linked by URL instead.',
  uploads: 'File uploads: not built — files and pictures are linked by URL instead.',
  map: 'Maps: not built — places are kept as text.',
  maps: 'Maps: not built — places are kept as text.',
  i18n: 'Translations: not built — the app is in English only.',
  translation: 'Translations: not built — the app is in English only.',
  translations: 'Translations: not built — the app is in English only.',
  draganddrop: 'Drag and drop: not built — items are changed with forms and buttons.',
  analytics: 'Usage analytics: not built — nothing tracks how the app is used.',
  pwa: 'Installable app (PWA): not built — there is no service worker or web manifest.',
  docker: 'Docker: not built — the project runs with npm; no Dockerfile is generated.',
  deploy: 'Deployment: not built — the project is packaged as a zip to run with npm; nothing is deployed.',
  deployment: 'Deployment: not built — the project is packaged as a zip to run with npm; nothing is deployed.',
  sync: 'Sync between devices: not built — data stays where the app keeps it.',
  newsletter: 'Newsletter: not built — no e-mails are sent.',
  graphql: 'GraphQL: not built — a REST API is generated instead.',
  express: 'Express: not used — the server is written with Hono.',
  nextjs: 'Next.js: not used — a Vite React app is generated instead.',
  javascript: 'JavaScript: not used — TypeScript is generated, which compiles to JavaScript.',
  mongodb: 'MongoDB: not used — data is kept in an embedded PGlite (PostgreSQL) database.',
  mongo: 'MongoDB: not used — data is kept in an embedded PGlite (PostgreSQL) database.',
  mysql: 'MySQL: not used — data is kept in an embedded PGlite (PostgreSQL) database.',
  sqlite: 'SQLite: not used — data is kept in an embedded PGlite (PostgreSQL) database.',
  tailwind: 'Tailwind: not used — the app has plain CSS.',
};

/** People who use the app rather than things it holds: "where users can…", "for freelancers". */
export const ACTORS = new Set(['user', 'users', 'people', 'person', 'everyone', 'colleague', 'colleagues', 'friend', 'friends', 'organiser', 'organisers', 'organizer', 'organizers', 'manager', 'managers', 'freelancer', 'freelancers', 'landlord', 'landlords', 'coach', 'coaches', 'member', 'members', 'visitor', 'visitors', 'reader', 'readers', 'admin', 'admins', 'administrator', 'administrators', 'kid', 'kids', 'parent', 'parents', 'family', 'families', 'someone', 'anyone', 'nobody']);

/** Words that never name a thing the app holds, whatever a list makes them look like. */
export const NOT_ENTITIES = new Set(['same', 'result', 'results', 'tally', 'tallies', 'progress', 'statistic', 'statistics', 'stats', 'information', 'info', 'detail', 'details', 'data', 'feature', 'features', 'time', 'way', 'ways', 'kind', 'kinds', 'type', 'types', 'thing', 'things', 'lot', 'lots', 'bunch', 'number', 'numbers', 'box', 'button', 'buttons', 'screen', 'screens', 'view', 'views', 'form', 'forms', 'end', 'start', 'beginning', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years']);

/** Words and phrases that mean several people use the same data, which needs a server. */
export const SHARED_USE: readonly string[] = ['users', 'people', 'everyone', 'shared', 'share', 'sharing', 'friends', 'colleagues', 'my team', 'our team', 'the team', 'a team', 'for teams', 'multiplayer', 'leaderboard', 'multi user', 'multiple users', 'other users', 'sign up', 'signup'];

/** Page names a static site may ask for, with the title each page gets. */
export const PAGE_WORDS: Readonly<Record<string, { slug: string; title: string }>> = {
  home: { slug: 'index', title: 'Home' },
  homepage: { slug: 'index', title: 'Home' },
  about: { slug: 'about', title: 'About' },
  contact: { slug: 'contact', title: 'Contact' },
  contacts: { slug: 'contact', title: 'Contact' },
  menu: { slug: 'menu', title: 'Menu' },
  services: { slug: 'services', title: 'Services' },
  service: { slug: 'services', title: 'Services' },
  pricing: { slug: 'pricing', title: 'Pricing' },
  prices: { slug: 'pricing', title: 'Pricing' },
  gallery: { slug: 'gallery', title: 'Gallery' },
  blog: { slug: 'blog', title: 'Blog' },
  news: { slug: 'news', title: 'News' },
  faq: { slug: 'faq', title: 'FAQ' },
  faqs: { slug: 'faq', title: 'FAQ' },
  team: { slug: 'team', title: 'Team' },
  portfolio: { slug: 'portfolio', title: 'Portfolio' },
  projects: { slug: 'projects', title: 'Projects' },
  testimonials: { slug: 'testimonials', title: 'Testimonials' },
  events: { slug: 'events', title: 'Events' },
  location: { slug: 'location', title: 'Location' },
  hours: { slug: 'hours', title: 'Opening hours' },
  products: { slug: 'products', title: 'Products' },
  shop: { slug: 'shop', title: 'Shop' },
  careers: { slug: 'careers', title: 'Careers' },
  resume: { slug: 'resume', title: 'Resume' },
  cv: { slug: 'resume', title: 'Resume' },
  gettingstarted: { slug: 'getting-started', title: 'Getting started' },
  installation: { slug: 'installation', title: 'Installation' },
  guides: { slug: 'guides', title: 'Guides' },
  guide: { slug: 'guides', title: 'Guides' },
  tutorials: { slug: 'tutorials', title: 'Tutorials' },
  apireference: { slug: 'api-reference', title: 'API reference' },
  reference: { slug: 'reference', title: 'Reference' },
  changelog: { slug: 'changelog', title: 'Changelog' },
  story: { slug: 'story', title: 'Our story' },
  schedule: { slug: 'schedule', title: 'Schedule' },
  rsvp: { slug: 'rsvp', title: 'RSVP' },
};

/** Data formats a converter CLI may name; the keys are what prompts say. */
export const FORMAT_WORDS: Readonly<Record<string, string>> = {
  csv: 'csv',
  tsv: 'tsv',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  markdown: 'markdown',
  md: 'markdown',
  yaml: 'yaml',
  yml: 'yaml',
  xml: 'xml',
  excel: 'excel',
  xlsx: 'excel',
  xls: 'excel',
  pdf: 'pdf',
  txt: 'text',
  text: 'text',
  html: 'html',
  table: 'markdown',
  toml: 'toml',
  docx: 'docx',
  word: 'docx',
};

/** Words that carry no meaning for the rules: articles, pronouns, fillers, generic adjectives. */
export const STOPWORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'with', 'without', 'for', 'of', 'to', 'in', 'on', 'at', 'by', 'from', 'into', 'using',
  'use', 'uses', 'via', 'that', 'which', 'who', 'where', 'when', 'what', 'how', 'it', 'its', 'is', 'are', 'be', 'can', 'could',
  'should', 'would', 'will', 'let', 'lets', 'me', 'my', 'our', 'your', 'i', 'we', 'you', 'us', 'them', 'they', 'their', 'this',
  'these', 'those', 'some', 'any', 'all', 'each', 'every', 'simple', 'basic', 'small', 'tiny', 'little', 'nice', 'cool', 'new',
  'quick', 'modern', 'clean', 'minimal', 'minimalist', 'beautiful', 'good', 'great', 'please', 'just', 'also', 'so', 'very',
  'really', 'like', 'have', 'has', 'having', 'get', 'gets', 'do', 'does', 'built', 'written', 'made', 'based', 'powered',
  'plus', 'as', 'some', 'own', 'local', 'personal', 'family', 'online', 'web', 'page', 'pages', 'full', 'stack', 'tool',
  'people', 'user', 'users', 'who', 'want', 'wants', 'need', 'needs', 'create', 'build', 'make', 'generate', 'write', 'develop',
  'code', 'scaffold', 'design', 'implement', 'setup', 'start', 'called', 'named', 'titled', 'support', 'supports', 'allow',
  'allows', 'able', 'add', 'adding', 'edit', 'editing', 'delete', 'deleting', 'remove', 'update', 'view', 'manage', 'managing',
  'track', 'tracking', 'keep', 'keeping', 'convert', 'converts', 'converting', 'turn', 'turns', 'files', 'file', 'typescript',
  'node', 'crud', 'one', 'two', 'three', 'four', 'few', 'several', 'many', 'more', 'other', 'etc', 'things', 'thing', 'stuff',
  'up', 'out', 'down', 'about', 'browser', 'frontend', 'backend', 'hono', 'vite', 'app', 'apps', 'application', 'interface',
  'business', 'organize', 'organise', 'list', 'lists', 'mark', 'marking', 'toggle', 'toggling', 'complete',
  'completing', 'belongs', 'belong', 'belonging', 'each', 'every', 'multiple', 'where', 'them', 'then', 'there', 'here', 'if', 'else', 'than', 'between', 'our', 'yours', 'mine', 'some', 'way',
]);
