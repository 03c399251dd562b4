import { DEFAULT_FIELDS, DOMAINS, ENTITY_FIELDS, FIELD_WORDS, RELATIONS, SYNONYMS } from './dictionary.ts';
import { API_WORDS, APP_NOUNS, BUILD_VERBS, CLI_WORDS, DB_WORDS, FEATURE_WORDS, FORMAT_WORDS, FRONT_WORDS, FULLSTACK_WORDS, PAGE_WORDS, SITE_WORDS, STOPWORDS, UNSUPPORTED_FEATURES } from './lexicon.ts';
import { camelCase, pascalCase } from './names.ts';
import { isPlural, pluralize, singularize } from './inflect.ts';
import type { Entity, Field, Relation } from './spec.ts';

/** Lower-case singular nouns found in a prompt, in order of first mention, and the tokens they used. */
export interface EntityNouns {
  nouns: string[];
  /** Nouns found in the dictionary or implied by a domain word. */
  known: boolean;
  /** Explicitly listed fields per noun (`contacts with name, email and phone`). */
  fields: Map<string, Field[]>;
  used: Set<string>;
}

const MAX_ENTITIES = 8;

/** Nouns that are also verbs or prepositional idioms: "store my notes", "in order to", "book a room". */
const AMBIGUOUS = new Set(['store', 'shop', 'order', 'post', 'note', 'book', 'link', 'contact', 'comment', 'review', 'event', 'project', 'log', 'track', 'list', 'item', 'question', 'goal', 'job', 'bill', 'card', 'game']);
const VERB_BEFORE = new Set(['to', 'can', 'will', 'and', 'should', 'that', 'which', 'i', 'we', 'it', 'also', 'must', 'please', 'then', 'in', 'not']);
const OBJECT_AFTER = new Set(['my', 'the', 'your', 'our', 'them', 'it', 'all', 'everything', 'a', 'an', 'that', 'this', 'us', 'me', 'to']);

/** Words that open a list of things the app holds: "with books and authors", "to track expenses". */
const LIST_OPENERS = new Set(['with', 'of', 'for', 'managing', 'manage', 'manages', 'track', 'tracks', 'tracking', 'store', 'stores', 'storing', 'organize', 'organise', 'organizing', 'catalog', 'catalogue', 'record', 'recording', 'log', 'logging', 'crud', 'about', 'handles', 'handle', 'keeps', 'keep', 'lists', 'list', 'has', 'have', 'having', 'containing', 'contains']);
const LIST_GLUE = new Set(['and', 'or', 'a', 'an', 'the', 'some', 'their', 'its', 'my', 'our', 'plus', 'also', 'as', 'well', 'multiple', 'many', 'several', 'fields', 'field', 'like', 'such', 'e', 'g', 'eg', 'including']);

const TECHNICAL = [FRONT_WORDS, API_WORDS, DB_WORDS, CLI_WORDS, SITE_WORDS, APP_NOUNS, BUILD_VERBS, FULLSTACK_WORDS];

function isTechnical(word: string): boolean {
  if (TECHNICAL.some((set) => set.has(word))) return true;
  if (Object.values(FEATURE_WORDS).some((set) => set.has(word))) return true;
  return UNSUPPORTED_FEATURES[word] !== undefined || FORMAT_WORDS[word] !== undefined || PAGE_WORDS[word] !== undefined;
}

/** Dictionary noun a token means, if any: `tasks` → task, `chores` → task, `to-dos` → todo. */
export function knownNoun(token: string): string | undefined {
  const singular = singularize(token);
  const noun = SYNONYMS[token] ?? SYNONYMS[singular] ?? singular;
  return ENTITY_FIELDS[noun] === undefined ? undefined : noun;
}

function usedAsVerb(tokens: readonly string[], i: number): boolean {
  const token = tokens[i] ?? '';
  if (!AMBIGUOUS.has(token)) return false;
  return VERB_BEFORE.has(tokens[i - 1] ?? '') || OBJECT_AFTER.has(tokens[i + 1] ?? '');
}

/** A word that can name an unknown entity: a plain alphabetic content word. */
function isCandidateNoun(word: string): boolean {
  return /^[a-z]{3,20}$/.test(word) && !STOPWORDS.has(word) && !isTechnical(word) && !word.endsWith('ly');
}

export function findEntityNouns(tokens: readonly string[]): EntityNouns {
  const nouns: string[] = [];
  const fields = new Map<string, Field[]>();
  const used = new Set<string>();
  let known = false;
  const sources = new Map<string, Set<string>>();
  const fieldTokens = new Set<string>();
  const add = (noun: string, token: string): void => {
    used.add(token);
    sources.set(noun, (sources.get(noun) ?? new Set()).add(token));
    if (!nouns.includes(noun) && nouns.length < MAX_ENTITIES) nouns.push(noun);
  };

  for (const [i, token] of tokens.entries()) {
    if (token === 'reading' && tokens[i + 1] === 'list') {
      known = true;
      add('book', token);
      continue;
    }
    // "music library", "recipe book", "photo album": the noun before makes this an app noun.
    const modified = (token === 'library' || token === 'book') && i > 0 && (knownNoun(tokens[i - 1] ?? '') !== undefined || DOMAINS[tokens[i - 1] ?? ''] !== undefined || isCandidateNoun(tokens[i - 1] ?? ''));
    if (modified) continue;
    const domain = DOMAINS[token];
    if (domain !== undefined && !usedAsVerb(tokens, i)) {
      known = true;
      used.add(token);
      for (const noun of domain) add(noun, token);
      continue;
    }
    const noun = knownNoun(token);
    // "users can log in" is about auth, not a User entity; an explicit list below may still add it.
    if (noun !== undefined && noun !== 'user' && !usedAsVerb(tokens, i)) {
      known = true;
      add(noun, token);
    }
  }

  // The word before an app noun is what the app is about: "plant tracker", "sandwich app".
  for (const [i, token] of tokens.entries()) {
    if (!APP_NOUNS.has(token) || i === 0) continue;
    let before = tokens[i - 1] ?? '';
    if (before.endsWith('ing') && isCandidateNoun(tokens[i - 2] ?? '')) before = tokens[i - 2] ?? '';
    if (isCandidateNoun(before) && knownNoun(before) === undefined && DOMAINS[before] === undefined) add(singularize(before), before);
  }

  // Lists of things the app holds. Unknown words count only as plurals, which keeps
  // "with a React frontend" or "for my bakery" out.
  for (const [i, token] of tokens.entries()) {
    if (!LIST_OPENERS.has(token)) continue;
    const owner = lastNounBefore(tokens, i, nouns);
    for (let j = i + 1; j < tokens.length; j++) {
      const word = tokens[j] ?? '';
      if (LIST_GLUE.has(word)) continue;
      const fieldWord = FIELD_WORDS[word] ?? FIELD_WORDS[singularize(word)];
      const noun = knownNoun(word);
      // "habits with streaks": a field the owner already has, not a new entity.
      if (noun === undefined && owner !== undefined && ENTITY_FIELDS[owner]?.some((field) => field.name === singularize(word)) === true) {
        used.add(word);
        fieldTokens.add(word);
        continue;
      }
      if (fieldWord !== undefined && owner !== undefined && (noun === undefined || noun === 'note' || noun === 'link' || !isPlural(word))) {
        const list = fields.get(owner) ?? [];
        if (!list.some((field) => field.name === fieldWord.name)) list.push(fieldWord);
        fields.set(owner, list);
        used.add(word);
        fieldTokens.add(word);
        continue;
      }
      if (noun !== undefined) {
        known = true;
        add(noun, word);
        continue;
      }
      if (isCandidateNoun(word) && isPlural(word)) {
        add(singularize(word), word);
        continue;
      }
      break;
    }
  }
  // "bookmarks with tags and notes": notes named a field there, not a Note entity.
  const entityNouns = nouns.filter((noun) => [...(sources.get(noun) ?? [])].some((token) => !fieldTokens.has(token)));
  return { nouns: entityNouns, known, fields, used };
}

function lastNounBefore(tokens: readonly string[], index: number, nouns: readonly string[]): string | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i] ?? '';
    const noun = knownNoun(token) ?? singularize(token);
    if (nouns.includes(noun)) return noun;
  }
  return nouns[0];
}

/** Builds entities with dictionary or default fields, listed fields merged in. */
export function buildEntities(found: EntityNouns): Entity[] {
  return found.nouns.map((noun) => {
    const listed = found.fields.get(noun) ?? [];
    const dictionary = ENTITY_FIELDS[noun];
    let fields: Field[];
    if (dictionary !== undefined) {
      fields = [...dictionary, ...listed.filter((extra) => !dictionary.some((field) => field.name === extra.name))];
    } else if (listed.length > 0) {
      fields = listed.some((field) => field.required) ? [...listed] : [{ ...DEFAULT_FIELDS[0]!, required: true }, ...listed.filter((field) => field.name !== 'name')];
    } else {
      fields = [...DEFAULT_FIELDS];
    }
    return { name: pascalCase(noun), plural: pascalCase(pluralize(noun)), fields, relations: [] };
  });
}

const BELONGS_TO = /\b(?:each|every|a|an|the)?\s*([a-z]+) (?:belongs?|belonging) to (?:a|an|the|one)?\s*([a-z]+)/g;
const HAS_MANY = /\b(?:each|every|a|an|the)?\s*([a-z]+) (?:has|have|having|with) (?:many|multiple|several|a list of|lots of) ([a-z]+)/g;

/**
 * Adds belongsTo/hasMany pairs: phrases in the prompt first ("authors have many books"),
 * then the dictionary's usual ones. A belongsTo replaces a plain text field of the same name
 * (Book.author becomes Book.authorId).
 */
export function addRelations(entities: Entity[], normalized: string): void {
  const byNoun = new Map(entities.map((entity) => [entity.name.toLowerCase(), entity]));
  const link = (childNoun: string, parentNoun: string): void => {
    const child = byNoun.get(childNoun);
    const parent = byNoun.get(parentNoun);
    if (child === undefined || parent === undefined || child === parent) return;
    const linked = (a: Entity, b: Entity): boolean => a.relations.some((relation) => relation.entity === b.name);
    if (linked(child, parent) || linked(parent, child)) return;
    child.relations.push({ type: 'belongsTo', entity: parent.name } satisfies Relation);
    parent.relations.push({ type: 'hasMany', entity: child.name } satisfies Relation);
    child.fields = child.fields.filter((field) => field.name !== camelCase(parent.name) && field.name !== `${camelCase(parent.name)}Id`);
  };
  const noun = (word: string | undefined): string => knownNoun(word ?? '') ?? singularize(word ?? '');
  for (const match of normalized.matchAll(BELONGS_TO)) link(noun(match[1]), noun(match[2]));
  for (const match of normalized.matchAll(HAS_MANY)) link(noun(match[2]), noun(match[1]));
  for (const child of byNoun.keys()) {
    for (const parent of RELATIONS[child] ?? []) link(child, parent);
  }
}
