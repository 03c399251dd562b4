import { ENTITY_FIELDS, FIELD_WORDS, RELATIONS, SYNONYMS } from './dictionary.ts';
import type { DomainScore } from './domains/score.ts';
import type { Domain, DomainEntity } from './domains/schema.ts';
import { inferEntityFields, makeField } from './fields.ts';
import { isPlural, pluralize, singularize } from './inflect.ts';
import { ACTORS, API_WORDS, APP_NOUNS, NOT_ENTITIES, BUILD_VERBS, CLI_WORDS, DB_WORDS, FEATURE_WORDS, FORMAT_WORDS, FRONT_WORDS, FULLSTACK_WORDS, PAGE_WORDS, SITE_WORDS, STOPWORDS, UNSUPPORTED_FEATURES } from './lexicon.ts';
import { camelCase, pascalCase } from './names.ts';
import type { Entity, Field, Relation } from './spec.ts';
import type { PromptText } from './text.ts';

/** What an entity is made of before it becomes part of the spec: from a domain, the dictionary, or its name. */
export interface EntityDef {
  name: string;
  plural?: string;
  fields: readonly Field[];
  belongsTo: readonly string[];
  joins?: readonly [string, string];
  implied?: boolean;
  behaviours: readonly string[];
  /** Fields guessed from the name alone: fields the prompt lists replace all but the name. */
  inferred?: boolean;
}

export interface FoundEntities {
  /** In order of first mention (or the domain's core order when the domain supplied them). */
  defs: EntityDef[];
  /** Some entity was named in the prompt (not only implied by the domain). */
  named: boolean;
  /** A dictionary or domain noun was recognised: enough, with a build verb, to know what to build. */
  known: boolean;
  /** Fields the prompt listed per entity ("contacts with name, email and phone"). */
  fields: Map<string, Field[]>;
  used: Set<string>;
  /** Token positions that name an entity, so a behaviour word there ("accounts") is not a request. */
  positions: Set<number>;
}

const MAX_ENTITIES = 8;

/** Nouns that are also verbs or prepositional idioms: "store my notes", "in order to", "book a room". */
const AMBIGUOUS = new Set(['store', 'shop', 'order', 'post', 'note', 'book', 'link', 'contact', 'comment', 'review', 'event', 'project', 'log', 'track', 'list', 'item', 'question', 'goal', 'job', 'bill', 'card', 'game', 'run', 'play', 'record', 'visit', 'spot', 'stay', 'show', 'check', 'process']);
const VERB_BEFORE = new Set(['to', 'can', 'will', 'and', 'should', 'that', 'which', 'i', 'we', 'it', 'also', 'must', 'please', 'then', 'in', 'not', 'they', 'you', 'who', 'people', 'users']);
const OBJECT_AFTER = new Set(['my', 'the', 'your', 'our', 'them', 'it', 'all', 'everything', 'a', 'an', 'that', 'this', 'us', 'me', 'to', 'their', 'off', 'in', 'out', 'up']);

/** Words that open a list of things the app holds: "with books and authors", "to track expenses". */
const LIST_OPENERS = new Set(['with', 'of', 'for', 'managing', 'manage', 'manages', 'track', 'tracks', 'tracking', 'store', 'stores', 'storing', 'organize', 'organise', 'organizing', 'catalog', 'catalogue', 'record', 'recording', 'log', 'logging', 'crud', 'about', 'handles', 'handle', 'keeps', 'keep', 'lists', 'list', 'has', 'have', 'having', 'containing', 'contains', 'where', 'see', 'sees']);
const LIST_GLUE = new Set(['and', 'or', 'a', 'an', 'the', 'some', 'their', 'its', 'my', 'our', 'plus', 'also', 'as', 'well', 'multiple', 'many', 'several', 'fields', 'field', 'like', 'such', 'e', 'g', 'eg', 'including', 'each', 'every', 'all', 'different', 'daily', 'weekly', 'monthly']);

const TECHNICAL = [FRONT_WORDS, API_WORDS, DB_WORDS, CLI_WORDS, SITE_WORDS, APP_NOUNS, BUILD_VERBS, FULLSTACK_WORDS];

function isTechnical(word: string): boolean {
  if (TECHNICAL.some((set) => set.has(word))) return true;
  if (Object.values(FEATURE_WORDS).some((set) => set.has(word))) return true;
  return UNSUPPORTED_FEATURES[word] !== undefined || FORMAT_WORDS[word] !== undefined || PAGE_WORDS[word] !== undefined;
}

/** A word that can name an unknown entity: a plain alphabetic content word. */
function isCandidateNoun(word: string): boolean {
  return /^[a-z]{3,20}$/.test(word) && !STOPWORDS.has(word) && !isTechnical(word) && !word.endsWith('ly') && !word.endsWith('ing');
}

/** Dictionary noun a token means, if any: `tasks` → task, `chores` → task, `to-dos` → todo. */
export function knownNoun(token: string): string | undefined {
  const singular = singularize(token);
  const noun = SYNONYMS[token] ?? SYNONYMS[singular] ?? singular;
  return ENTITY_FIELDS[noun] === undefined ? undefined : noun;
}

function dictionaryDef(noun: string): EntityDef {
  return {
    name: pascalCase(noun),
    fields: ENTITY_FIELDS[noun] ?? inferEntityFields(noun),
    belongsTo: (RELATIONS[noun] ?? []).map((parent) => pascalCase(parent)),
    behaviours: [],
  };
}

function inferredDef(noun: string): EntityDef {
  return { name: pascalCase(noun), fields: inferEntityFields(noun), belongsTo: [], behaviours: [], inferred: true };
}

function domainDef(entity: DomainEntity): EntityDef {
  return { ...entity };
}

function usedAsVerb(tokens: readonly string[], i: number): boolean {
  const token = tokens[i] ?? '';
  if (!AMBIGUOUS.has(token)) return false;
  return VERB_BEFORE.has(tokens[i - 1] ?? '') || OBJECT_AFTER.has(tokens[i + 1] ?? '');
}

/** The domain entity whose longest word starts at `at`, and how many tokens it covers. */
function domainEntityAt(domain: Domain, text: PromptText, at: number): { entity: DomainEntity; length: number } | undefined {
  let best: { entity: DomainEntity; length: number } | undefined;
  for (const entity of domain.entities) {
    for (const word of entity.words) {
      const length = text.matchAt(word, at);
      if (length > 0 && (best === undefined || length > best.length)) best = { entity, length };
    }
  }
  return best;
}

export interface FindOptions {
  domain: DomainScore | undefined;
  /** Every domain that scored, best first: where a word outside the chosen domain finds its sense. */
  scored: readonly DomainScore[];
  all: readonly Domain[];
  /** Words that ask for a behaviour ("charts", "upvotes"): outside a domain they are not things. */
  behaviourWords: ReadonlySet<string>;
}

/**
 * Finds the entities a prompt asks for. Words take their sense from the chosen domain first
 * (a chat's "room" is a chat room, a hotel's a hotel room); listed plurals outside it take the
 * sense of the next domain that knows them, then of the dictionary, and unknown plurals become
 * entities with fields inferred from their name.
 */
export function findEntities(text: PromptText, { domain, scored, all, behaviourWords }: FindOptions): FoundEntities {
  const tokens = text.tokens;
  const defs: EntityDef[] = [];
  const fields = new Map<string, Field[]>();
  const used = new Set<string>();
  const at = new Map<number, string>();
  let known = false;
  const add = (def: EntityDef, from: number, length = 1): void => {
    for (let k = 0; k < length; k++) {
      at.set(from + k, def.name);
      used.add(tokens[from + k] ?? '');
    }
    if (!defs.some((existing) => existing.name === def.name) && defs.length < MAX_ENTITIES) defs.push(def);
  };
  const chosen = domain?.domain;
  // Tokens inside the chosen domain's signals ("stock control", "time tracker") name the app, not a thing in it.
  const signalAt = new Set<number>();
  if (chosen !== undefined) {
    for (const signal of chosen.signals.keys()) {
      for (const start of text.find(signal)) {
        const length = signal.split(' ').length;
        for (let k = 0; k < length; k++) signalAt.add(start + k);
      }
    }
  }

  // A word that only modifies the domain's name is not a thing: "customer support", "bed and breakfast".
  const modifierAt = new Set<number>();
  if (chosen !== undefined) {
    const isEntityWord = (word: string): boolean => chosen.entities.some((entity) => entity.words.includes(word) || entity.words.includes(singularize(word)));
    for (const signal of chosen.signals.keys()) {
      const words = signal.split(' ');
      if (words.length < 2) continue;
      for (const start of text.find(signal)) {
        const rest = words.slice(1);
        if (rest.some((word) => APP_NOUNS.has(word) || isEntityWord(word))) continue;
        modifierAt.add(start);
      }
    }
  }

  // 1. The chosen domain's words, wherever they are.
  if (chosen !== undefined) {
    for (let i = 0; i < tokens.length; i++) {
      const match = domainEntityAt(chosen, text, i);
      if (match === undefined || (match.length === 1 && (usedAsVerb(tokens, i) || modifierAt.has(i)))) continue;
      known = true;
      add(domainDef(match.entity), i, match.length);
      i += match.length - 1;
    }
  } else {
    // No domain: dictionary nouns wherever they are ("users can log in" is about auth, not a User).
    for (const [i, token] of tokens.entries()) {
      const noun = knownNoun(token);
      if (noun === undefined || noun === 'user' || usedAsVerb(tokens, i) || tokens[i + 1] === 'date') continue;
      if ((token === 'library' || token === 'book') && i > 0 && isCandidateNoun(tokens[i - 1] ?? '')) continue; // "music library", "recipe book"
      if (token === 'reading' && tokens[i + 1] === 'list') {
        known = true;
        add(dictionaryDef('book'), i);
        continue;
      }
      known = true;
      add(dictionaryDef(noun), i);
    }
  }

  /** A word outside the chosen domain: another domain's sense, the dictionary's, or a new entity. */
  const resolve = (i: number, mustBePlural: boolean): EntityDef | undefined => {
    const token = tokens[i] ?? '';
    if (mustBePlural && !isPlural(token)) return undefined;
    if (ACTORS.has(token) || NOT_ENTITIES.has(token) || behaviourWords.has(token)) return undefined;
    const singular = singularize(token);
    for (const candidate of [...scored.map((score) => score.domain), ...all]) {
      if (candidate === chosen) continue;
      // Outside its own domain a word keeps only its plain sense: "students" are Students anywhere, but a dog is an Animal only at a shelter.
      const entity = candidate.entities.find((e) => e.name.toLowerCase() === singular && (e.words[0] === singular || e.words[0] === token));
      if (entity !== undefined) return domainDef(entity);
    }
    const noun = knownNoun(token);
    if (noun !== undefined) return dictionaryDef(noun);
    if (isCandidateNoun(token) && isPlural(token)) return inferredDef(singular);
    return undefined;
  };

  // 2. The word before an app noun is what the app is about: "plant tracker", "sandwich app".
  for (const [i, token] of tokens.entries()) {
    if (!APP_NOUNS.has(token) || i === 0) continue;
    let before = i - 1;
    if ((tokens[before] ?? '').endsWith('ing') && isCandidateNoun(tokens[before - 1] ?? '')) before -= 1;
    const word = tokens[before] ?? '';
    if (at.has(before) || signalAt.has(before) || !isCandidateNoun(word)) continue;
    if (ACTORS.has(word) || NOT_ENTITIES.has(word) || behaviourWords.has(word)) continue;
    if (chosen !== undefined && all.some((d) => d.signals.has(word))) continue;
    if (chosen === undefined && all.some((d) => d.signals.has(word) && (d.signals.get(word) ?? 0) >= 3)) continue;
    // Inside a domain, the app's subject is one of the domain's things; an unknown word there is a modifier ("same list").
    const def = resolve(before, false) ?? (chosen === undefined ? inferredDef(singularize(word)) : undefined);
    if (def !== undefined) add(def, before);
  }

  // 3. Lists of things the app holds, and fields listed for one of them.
  const allFieldNames = new Set([...(chosen?.entities ?? []).flatMap((entity) => entity.fields.map((field) => field.name)), ...defs.flatMap((def) => def.fields.map((field) => field.name))]);
  for (const [i, token] of tokens.entries()) {
    if (!LIST_OPENERS.has(token)) continue;
    let ownerAt = [...at.keys()].filter((position) => position < i).sort((a, b) => b - a)[0];
    const listOwner = ownerAt === undefined ? defs[0]?.name : at.get(ownerAt);
    // "my aquarium fish with a species and a tank size": a noun nobody knows, described by fields, is a thing.
    const before = tokens[i - 1] ?? '';
    if (token === 'with' && ownerAt !== i - 1 && isCandidateNoun(before) && !ACTORS.has(before) && !NOT_ENTITIES.has(before) && !all.some((d) => d.signals.has(before)) && describesFields(tokens, i + 1)) {
      add(inferredDef(singularize(before)), i - 1);
      ownerAt = i - 1;
    }
    // "pets with a species and a birth date": right after an entity, plain nouns are its fields.
    const fieldMode = (token === 'with' || token === 'having' || token === 'has') && at.has(i - 1);
    for (let j = i + 1; j < tokens.length; j++) {
      const word = tokens[j] ?? '';
      if (LIST_GLUE.has(word)) continue;
      if (at.has(j)) continue;
      const singular = singularize(word);
      const fieldWord = FIELD_WORDS[word] ?? FIELD_WORDS[singular];
      // A listed field belongs to the nearest thing named before it: "pets, owners and vaccinations due dates".
      const nearest = [...at.keys()].filter((position) => position < j).sort((a, b) => b - a)[0];
      const owner = nearest === undefined ? listOwner : at.get(nearest);
      if (owner !== undefined && tokens[j + 1] === 'date' && /^[a-z]{3,15}$/.test(word) && !LIST_GLUE.has(word)) {
        addField(fields, owner, makeField(`${singular}Date`, 'date'));
        used.add(word).add('date');
        j++;
        continue;
      }
      if (owner !== undefined && (fieldWord !== undefined || allFieldNames.has(singular) || allFieldNames.has(word))) {
        const resolved = knownNoun(word);
        if (fieldWord !== undefined && resolved !== undefined && isPlural(word) && resolved !== 'note' && resolved !== 'link' && !fieldMode) {
          // "with categories": a plural that names a known thing is an entity, not a field.
        } else {
          addField(fields, owner, fieldWord ?? makeField(allFieldNames.has(word) ? word : singular));
          used.add(word);
          continue;
        }
      }
      // "for freelancers", "for teachers": after "for", people the app is for, not things it holds.
      const def = token === 'for' && chosen !== undefined ? undefined : resolve(j, chosen !== undefined);
      if (def !== undefined) {
        known ||= knownNoun(word) !== undefined;
        add(def, j);
        continue;
      }
      if (fieldMode && owner !== undefined && isCandidateNoun(word)) {
        // "tank size": two plain nouns in a row name one field.
        const next = tokens[j + 1] ?? '';
        const compound = isCandidateNoun(next) && !LIST_GLUE.has(next) && !text.breakBefore(j + 1) && !at.has(j + 1) && resolve(j + 1, true) === undefined;
        addField(fields, owner, makeField(camelCase(compound ? `${word} ${next}` : singular)));
        used.add(word);
        if (compound) {
          used.add(next);
          j++;
        }
        continue;
      }
      break;
    }
  }
  return { defs, named: defs.length > 0, known, fields, used, positions: new Set(at.keys()) };
}

/** True when the words from `from` list fields ("a species, tank size and a purchase date"). */
function describesFields(tokens: readonly string[], from: number): boolean {
  for (let j = from; j < Math.min(tokens.length, from + 4); j++) {
    const word = tokens[j] ?? '';
    if (LIST_GLUE.has(word)) continue;
    return FIELD_WORDS[word] !== undefined || FIELD_WORDS[singularize(word)] !== undefined || tokens[j + 1] === 'date' || ['species', 'size', 'color', 'colour', 'weight', 'breed', 'brand', 'model', 'status', 'type'].includes(word);
  }
  return false;
}

function addField(fields: Map<string, Field[]>, owner: string, field: Field): void {
  const list = fields.get(owner) ?? [];
  if (!list.some((existing) => existing.name === field.name)) list.push(field);
  fields.set(owner, list);
}

/**
 * The domain's core entities when the prompt names none of its own, or only the domain's
 * subject while naming the domain ("a lending library where colleagues borrow books").
 */
export function withDomainCore(found: FoundEntities, domain: DomainScore | undefined): { defs: EntityDef[]; fromCore: boolean } {
  if (domain === undefined || domain.domain.core.length === 0) return { defs: found.defs, fromCore: false };
  const core = domain.domain.core.map((name) => domain.domain.entities.find((entity) => entity.name === name)).filter((entity) => entity !== undefined);
  const onlySubject = found.defs.length === 1 && domain.strong && domain.domain.core.includes(found.defs[0]?.name ?? '');
  if (found.defs.length === 0 || onlySubject) return { defs: core.map(domainDef), fromCore: true };
  return { defs: found.defs, fromCore: false };
}

/** Entities with their own fields, then the fields the prompt listed. */
export function buildEntities(defs: readonly EntityDef[], listed: ReadonlyMap<string, Field[]>): Entity[] {
  return defs.map((def) => {
    const extra = listed.get(def.name) ?? [];
    const own = def.inferred === true && extra.length > 0 ? def.fields.slice(0, 1) : def.fields;
    const fields = [...own, ...extra.filter((field) => !own.some((mine) => mine.name === field.name))];
    if (!fields.some((field) => field.required)) fields.unshift(makeField('name', 'string', true));
    const singular = def.name;
    return { name: singular, plural: def.plural ?? pascalCase(pluralize(camelCase(singular))), fields: dedupe(fields), relations: [] };
  });
}

function dedupe(fields: readonly Field[]): Field[] {
  const seen = new Set<string>();
  return fields.filter((field) => (seen.has(field.name) ? false : (seen.add(field.name), true)));
}

const BELONGS_TO = /\b(?:each|every|a|an|the)?\s*([a-z]+) (?:belongs?|belonging) to (?:a|an|the|one)?\s*([a-z]+)/g;
const HAS_MANY = /\b(?:each|every|a|an|the)?\s*([a-z]+) (?:has|have|having|with) (?:many|multiple|several|a list of|lots of) ([a-z]+)/g;

/**
 * Relations: phrases in the prompt first ("authors have many books"), then what each entity's
 * definition says it belongs to, then many-to-many links through join entities. A belongsTo
 * replaces a plain text field of the same name (Book.author becomes Book.authorId).
 */
export function addRelations(entities: Entity[], defs: readonly EntityDef[], normalized: string): void {
  const byName = new Map(entities.map((entity) => [entity.name, entity]));
  const defOf = new Map(defs.map((def) => [def.name, def]));
  const linked = (a: Entity, b: Entity): boolean => a.relations.some((relation) => relation.entity === b.name && relation.type !== 'manyToMany');
  const link = (childName: string | undefined, parentName: string | undefined): void => {
    const child = byName.get(childName ?? '');
    const parent = byName.get(parentName ?? '');
    if (child === undefined || parent === undefined || child === parent) return;
    if (linked(child, parent) || linked(parent, child)) return;
    if (child.relations.length >= 11 || parent.relations.length >= 11) return;
    child.relations.push({ type: 'belongsTo', entity: parent.name } satisfies Relation);
    parent.relations.push({ type: 'hasMany', entity: child.name } satisfies Relation);
    child.fields = child.fields.filter((field) => field.name !== camelCase(parent.name) && field.name !== `${camelCase(parent.name)}Id`);
    if (child.fields.length === 0 || !child.fields.some((field) => field.required)) child.fields.unshift(makeField('name', 'string', true));
  };
  const entityFor = (word: string | undefined): string | undefined => {
    const singular = singularize(word ?? '');
    for (const def of defs) {
      if (def.name.toLowerCase() === singular) return def.name;
      const words = (def as { words?: readonly string[] }).words;
      if (words?.includes(singular) === true) return def.name;
    }
    const noun = knownNoun(word ?? '');
    return noun === undefined ? undefined : pascalCase(noun);
  };
  for (const match of normalized.matchAll(BELONGS_TO)) link(entityFor(match[1]), entityFor(match[2]));
  for (const match of normalized.matchAll(HAS_MANY)) link(entityFor(match[2]), entityFor(match[1]));
  for (const entity of entities) {
    const def = defOf.get(entity.name);
    if (def?.joins !== undefined) continue;
    for (const parent of def?.belongsTo ?? []) link(entity.name, parent);
  }
  for (const entity of entities) {
    const joins = defOf.get(entity.name)?.joins;
    if (joins === undefined) continue;
    const [a, b] = joins;
    link(entity.name, a);
    link(entity.name, b);
    const left = byName.get(a);
    const right = byName.get(b);
    if (left === undefined || right === undefined) continue;
    left.relations.push({ type: 'manyToMany', entity: right.name, through: entity.name });
    right.relations.push({ type: 'manyToMany', entity: left.name, through: entity.name });
  }
}

/** Join entities a domain adds whenever both their ends are built (posts and tags: PostTag). */
export function impliedJoins(defs: readonly EntityDef[], domain: Domain | undefined): EntityDef[] {
  if (domain === undefined) return [];
  const names = new Set(defs.map((def) => def.name));
  return domain.entities
    .filter((entity) => entity.implied && entity.joins !== undefined && !names.has(entity.name) && entity.joins.every((end) => names.has(end)))
    .map(domainDef);
}
