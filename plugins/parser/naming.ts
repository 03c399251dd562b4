import { APP_NOUNS, CLI_WORDS, FRONT_WORDS, API_WORDS, SITE_WORDS, STOPWORDS, FULLSTACK_WORDS, DB_WORDS, FEATURE_WORDS } from './lexicon.ts';
import { kebabCase, titleCase } from './names.ts';
import type { AppKind } from './spec.ts';
import type { Conversion } from './conversion.ts';

export interface AppName {
  package: string;
  title: string;
  /** The words naming what the app is about ("bakery", "todo"), for page copy. */
  subject: string;
  used: Set<string>;
}

const EXPLICIT = /\b(?:called|named|titled)\s+["'“]?([A-Za-z0-9][A-Za-z0-9 &'-]{0,40}?)["'”]?(?=$|[.,!?;:]|\s+(?:with|that|for|which|using|in|and|to|built)\b)/i;
/** Nouns that read well at the end of a name; "tool" and "system" are left to the kind's suffix. */
const NAME_NOUNS = new Set(['app', 'tracker', 'manager', 'list', 'dashboard', 'planner', 'organizer', 'organiser', 'catalog', 'catalogue', 'watchlist', 'calendar', 'log', 'journal', 'diary', 'keeper', 'board', 'management', 'application', 'api', 'website', 'site', 'directory', 'collection', 'portal', 'book', 'converter', 'service', 'backend', 'system', 'platform']);
const SUBJECT_SKIP = new Set([...STOPWORDS, 'a', 'an', 'the', 'my', 'our', 'small', 'local', 'new', 'family', 'own', 'little', 'friend', 'mom', 'dad']);
const SUFFIX: Record<AppKind, string> = { 'react-spa': 'app', 'rest-api': 'api', fullstack: 'app', cli: 'cli', 'static-site': 'website' };
const ALLOWED_ENDINGS: Record<AppKind, ReadonlySet<string>> = {
  'react-spa': NAME_NOUNS,
  'rest-api': new Set(['api', 'service', 'backend']),
  fullstack: NAME_NOUNS,
  cli: new Set(['cli', 'converter']),
  'static-site': new Set(['website', 'site']),
};

function isModifier(word: string): boolean {
  if (SUBJECT_SKIP.has(word) || APP_NOUNS.has(word) || DB_WORDS.has(word)) return false;
  if (word === 'portfolio') return true;
  if ([FRONT_WORDS, API_WORDS, CLI_WORDS, SITE_WORDS, FULLSTACK_WORDS].some((set) => set.has(word))) return false;
  if (Object.values(FEATURE_WORDS).some((set) => set.has(word))) return false;
  return /^[a-z][a-z0-9]*$/.test(word);
}

/** "for my local bakery" → "bakery"; "for a dog grooming business" → "dog grooming". */
function subjectAfterFor(tokens: readonly string[]): string[] {
  const at = tokens.indexOf('for');
  if (at < 0) return [];
  const words: string[] = [];
  for (let i = at + 1; i < tokens.length && words.length < 3; i++) {
    const word = tokens[i] ?? '';
    if (words.length === 0 && SUBJECT_SKIP.has(word)) continue;
    if (!isModifier(word)) break;
    words.push(word);
    if (word.endsWith('s') && !word.endsWith('ss')) break; // a list of things starts here
  }
  return words;
}

/** Names the app from "called X", a "<subject> <app noun>" phrase, or "for <subject>". */
export function deriveName(prompt: string, tokens: readonly string[], kind: AppKind, conversion: Conversion | undefined, fallback: { domain: string | undefined; firstEntityPlural: string | undefined }): AppName {
  const used = new Set<string>();
  const explicit = EXPLICIT.exec(prompt)?.[1]?.trim();
  if (explicit !== undefined && kebabCase(explicit) !== '') {
    for (const word of explicit.toLowerCase().split(/\s+/)) used.add(word);
    return { package: clip(kebabCase(explicit)), title: explicit, subject: explicit, used };
  }
  if (conversion !== undefined) {
    const phrase = `${conversion.from} to ${conversion.to}`;
    return { package: kebabCase(phrase), title: titleCase(phrase), subject: phrase, used };
  }

  // The first "<subject> <noun>" phrase names the app: "event planner", "inventory management".
  let words: string[] = [];
  let nounAt = tokens.findIndex((token) => NAME_NOUNS.has(token));
  for (const [at, token] of tokens.entries()) {
    if (!NAME_NOUNS.has(token)) continue;
    const modifiers: string[] = [];
    for (let i = at - 1; i >= 0 && modifiers.length < 2 && isModifier(tokens[i] ?? ''); i--) modifiers.unshift(tokens[i] ?? '');
    if (modifiers.length > 0) {
      words = modifiers;
      nounAt = at;
      break;
    }
  }
  // "job application tracker": the noun after the found one ends the name.
  const following = tokens[nounAt + 1];
  if (words.length > 0 && following !== undefined && NAME_NOUNS.has(following) && ALLOWED_ENDINGS[kind].has(following)) {
    words.push(tokens[nounAt] ?? '');
    nounAt += 1;
  }
  if (words.length === 0) words = subjectAfterFor(tokens);
  if (words.length === 0 && fallback.domain !== undefined) words = [fallback.domain];
  if (words.length === 0 && fallback.firstEntityPlural !== undefined) words = [fallback.firstEntityPlural.toLowerCase()];
  for (const word of words) used.add(word);
  const subject = words.join(' ');

  const noun = tokens[nounAt];
  const ending = noun !== undefined && ALLOWED_ENDINGS[kind].has(noun) ? noun : SUFFIX[kind];
  const phrase = words.length === 0 ? `my ${ending}` : `${subject} ${ending}`;
  const title = kind === 'static-site' && words.length > 0 ? titleCase(subject) : titleCase(phrase);
  return { package: clip(kebabCase(phrase)), title, subject: subject === '' ? title : subject, used };
}

function clip(name: string): string {
  const clipped = name.slice(0, 60).replace(/-+$/, '');
  return /^[a-z]/.test(clipped) ? clipped : `app-${clipped}`.slice(0, 60).replace(/-+$/, '');
}
