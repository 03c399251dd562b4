import { DB_WORDS, FEATURE_WORDS, UNSUPPORTED_FEATURES } from './lexicon.ts';
import type { AppKind, CliSpec, Entity, Features } from './spec.ts';

export interface FeatureDecision {
  features: Features;
  /** Requests this kind cannot honour, as sentences for `unresolved`. */
  unresolved: string[];
  used: Set<string>;
}

const NO_DATA = 'a static site has no data to';

/**
 * Features asked for in the prompt, plus what each kind does anyway: APIs always filter, sort
 * and paginate (it costs a query parameter); list UIs filter when an entity has a yes/no field.
 * Search and login come from the behaviours; a kind that cannot do one says so in a sentence.
 */
export function detectFeatures(tokens: readonly string[], kind: AppKind, entities: readonly Entity[], cli: CliSpec | undefined, behaviours: readonly string[], liveBehaviour: boolean): FeatureDecision {
  const used = new Set<string>();
  const asked = (name: keyof typeof FEATURE_WORDS): boolean => {
    const hit = tokens.filter((token) => FEATURE_WORDS[name].has(token));
    for (const token of hit) used.add(token);
    return hit.length > 0;
  };
  const filtering = asked('filtering');
  const search = asked('search') || behaviours.includes('search');
  const sorting = asked('sorting');
  const pagination = asked('pagination');
  const auth = asked('auth') || behaviours.includes('auth');
  asked('persistence');
  for (const token of tokens) if (DB_WORDS.has(token)) used.add(token);
  const hasToggle = entities.some((entity) => entity.fields.some((field) => field.type === 'boolean'));
  const unresolved: string[] = [];

  for (const token of tokens) {
    const sentence = UNSUPPORTED_FEATURES[token];
    if (sentence === undefined) continue;
    used.add(token);
    // A chat refreshes live already; "real-time chat" asks for nothing more.
    if (liveBehaviour && sentence.startsWith('Live updates')) continue;
    if (!unresolved.includes(sentence)) unresolved.push(sentence);
  }

  let features: Features;
  switch (kind) {
    case 'rest-api':
    case 'fullstack':
      features = { persistence: 'embedded-db', filtering: true, search, sorting: true, pagination: true, auth };
      break;
    case 'react-spa':
      features = { persistence: 'localStorage', filtering: filtering || hasToggle, search, sorting, pagination: false, auth: false };
      if (auth) unresolved.push('Sign-up and login: not built — a browser-only app cannot protect its data; ask for a full-stack app.');
      if (pagination) unresolved.push('Pagination: not built — lists in a browser-only app show every item.');
      break;
    case 'cli':
      features = { persistence: cli?.mode === 'manage' ? 'json-file' : 'none', filtering: false, search: false, sorting: false, pagination: false, auth: false };
      for (const [name, wanted] of Object.entries({ Filtering: filtering, Search: search, Sorting: sorting, Pagination: pagination, 'Sign-up and login': auth })) {
        if (wanted) unresolved.push(`${name}: not built — command-line tools are generated without it.`);
      }
      break;
    case 'static-site':
      features = { persistence: 'none', filtering: false, search: false, sorting: false, pagination: false, auth: false };
      for (const [name, wanted] of Object.entries({ Filtering: filtering, Search: search, Sorting: sorting, Pagination: pagination })) {
        if (wanted) unresolved.push(`${name}: not built — ${NO_DATA} query.`);
      }
      if (auth) unresolved.push(`Sign-up and login: not built — ${NO_DATA} protect; ask for a full-stack app.`);
      break;
  }
  return { features, unresolved, used };
}
