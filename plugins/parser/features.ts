import { DB_WORDS, FEATURE_WORDS, UNSUPPORTED_FEATURES } from './lexicon.ts';
import type { AppKind, CliSpec, Entity, Features } from './spec.ts';

export interface FeatureDecision {
  features: Features;
  /** Requests this kind cannot honour, for `unresolved`. */
  unresolved: string[];
  used: Set<string>;
}

/**
 * Features asked for in the prompt, plus what each kind does anyway: APIs always filter, sort
 * and paginate (it costs a query parameter); list UIs filter when an entity has a yes/no field.
 */
export function detectFeatures(tokens: readonly string[], kind: AppKind, entities: readonly Entity[], cli: CliSpec | undefined): FeatureDecision {
  const used = new Set<string>();
  const asked = (name: keyof typeof FEATURE_WORDS): boolean => {
    const hit = tokens.filter((token) => FEATURE_WORDS[name].has(token));
    for (const token of hit) used.add(token);
    return hit.length > 0;
  };
  const filtering = asked('filtering');
  const search = asked('search');
  const sorting = asked('sorting');
  const pagination = asked('pagination');
  const auth = asked('auth');
  asked('persistence');
  for (const token of tokens) if (DB_WORDS.has(token)) used.add(token);
  const hasToggle = entities.some((entity) => entity.fields.some((field) => field.type === 'boolean'));
  const unresolved: string[] = [];

  for (const token of tokens) {
    const feature = UNSUPPORTED_FEATURES[token];
    if (feature !== undefined && !unresolved.includes(feature)) {
      unresolved.push(feature);
      used.add(token);
    }
  }

  let features: Features;
  switch (kind) {
    case 'rest-api':
    case 'fullstack':
      features = { persistence: 'embedded-db', filtering: true, search, sorting: true, pagination: true, auth };
      break;
    case 'react-spa':
      features = { persistence: 'localStorage', filtering: filtering || hasToggle, search, sorting, pagination: false, auth: false };
      if (auth) unresolved.push('auth (a browser-only app cannot protect data; ask for a full-stack app)');
      if (pagination) unresolved.push('pagination (lists in a browser-only app show every item)');
      break;
    case 'cli':
      features = { persistence: cli?.mode === 'manage' ? 'json-file' : 'none', filtering: false, search: false, sorting: false, pagination: false, auth: false };
      for (const [name, wanted] of Object.entries({ filtering, search, sorting, pagination, auth })) if (wanted) unresolved.push(`${name} (not generated for command-line tools)`);
      break;
    case 'static-site':
      features = { persistence: 'none', filtering: false, search: false, sorting: false, pagination: false, auth: false };
      for (const [name, wanted] of Object.entries({ filtering, search, sorting, pagination, auth })) if (wanted) unresolved.push(`${name} (a static site has no data to ${name === 'auth' ? 'protect' : 'query'})`);
      break;
  }
  return { features, unresolved, used };
}
