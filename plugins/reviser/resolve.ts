import { ENTITY_FIELDS, FIELD_WORDS } from '../parser/dictionary.ts';
import { knownNoun } from '../parser/entities.ts';
import { isPlural, singularize } from '../parser/inflect.ts';
import { camelCase, sentenceCase, words } from '../parser/names.ts';
import type { AppSpec, Entity, Field, FieldType } from '../parser/spec.ts';
import { RevisionError } from './errors.ts';
import { FIELD_NAME_HINTS, TYPE_WORDS } from './vocabulary.ts';

const ARTICLES = /^(?:the|a|an|each|every|all|some|my|our|their|its|new)\s+/;

export function stripArticles(text: string): string {
  let out = text.trim();
  while (ARTICLES.test(out)) out = out.replace(ARTICLES, '');
  return out;
}

/** The entity a word names: `todos`, `Todo`, `memo` (a synonym of note), or undefined. */
export function findEntity(spec: AppSpec, word: string): Entity | undefined {
  const text = stripArticles(word).replace(/\s+/g, '');
  const lower = text.toLowerCase();
  return spec.entities.find((entity) => {
    const name = entity.name.toLowerCase();
    return name === lower || entity.plural.toLowerCase() === lower || name === singularize(lower) || name === knownNoun(lower);
  });
}

/** The entity a request is about, or an error naming the choices. */
export function entityOrFail(spec: AppSpec, word: string | undefined, request: string, what: string): Entity {
  if (word !== undefined && word.trim() !== '') {
    const entity = findEntity(spec, word);
    if (entity !== undefined) return entity;
    throw new RevisionError('revision_impossible', `there is no ${stripArticles(word)} in this app; its entities are ${list(spec.entities.map((e) => e.name))}`, {
      request,
      choices: spec.entities.map((e) => e.name),
    });
  }
  if (spec.entities.length === 1) return spec.entities[0]!;
  if (spec.entities.length === 0) throw new RevisionError('revision_impossible', `this ${spec.kind} has no entities to ${what}`, { request });
  throw new RevisionError('revision_ambiguous', `which entity ${what}: ${list(spec.entities.map((e) => e.name), 'or')}?`, {
    request,
    choices: spec.entities.map((e) => e.name),
  });
}

/** A field named by words (`due date`, `dueDate`, `duedate`), matched loosely. */
export function findField(entity: Entity, text: string): Field | undefined {
  const key = stripArticles(text).replace(/\s+(?:field|column)$/, '').replace(/[^a-z0-9]/gi, '').toLowerCase();
  return entity.fields.find((field) => field.name.toLowerCase() === key || field.label.replace(/[^a-z0-9]/gi, '').toLowerCase() === key || field.name.toLowerCase() === singularize(key));
}

/** Entities having a field named by `text`, for "remove the due date" without saying from what. */
export function entitiesWithField(spec: AppSpec, text: string): Entity[] {
  return spec.entities.filter((entity) => findField(entity, text) !== undefined);
}

export function typeWord(text: string): FieldType | undefined {
  return TYPE_WORDS[stripArticles(text).replace(/\s+(?:field|type|value)$/, '').trim()];
}

/**
 * A field from words: "a due date", "an optional notes field", "a number field called score",
 * "score as a number", "a required email". Known field words take the dictionary's field.
 */
export function parseFieldPhrase(phrase: string): Field {
  let text = stripArticles(phrase);
  let required: boolean | undefined;
  const flag = /^(required|mandatory|optional)\s+/.exec(text);
  if (flag) {
    required = flag[1] !== 'optional';
    text = stripArticles(text.slice(flag[0].length));
  }
  let type: FieldType | undefined;
  const called = /^(.+?)\s+(?:field|column)\s+(?:called|named)\s+(.+)$/.exec(text);
  const typed = /^(.+?)\s+(?:field\s+)?(?:as|of type|typed)\s+(?:an?\s+)?(.+?)$/.exec(text) ?? /^(.+?)\s+\((.+)\)$/.exec(text);
  if (called && typeWord(called[1]!) !== undefined) {
    type = typeWord(called[1]!);
    text = called[2]!;
  } else if (typed && typeWord(typed[2]!) !== undefined) {
    type = typeWord(typed[2]!);
    text = typed[1]!;
  }
  text = text.replace(/\s+(?:field|column)$/, '').trim();
  const compact = text.replace(/\s+/g, '');
  const known = FIELD_WORDS[compact] ?? FIELD_WORDS[singularize(compact)];
  const name = known?.name ?? camelCase(text);
  const field: Field = known !== undefined && type === undefined ? { ...known } : { name, label: sentenceCase(name), type: type ?? guessType(name), required: false };
  if (field.type !== 'enum') delete field.options;
  if (field.type === 'enum' && field.options === undefined) field.type = 'string';
  if (required !== undefined) field.required = required;
  return field;
}

function guessType(name: string): FieldType {
  return FIELD_NAME_HINTS.find(([pattern]) => pattern.test(name))?.[1] ?? 'string';
}

/** Splits "a due date, a priority and notes" into its items. */
export function splitList(text: string): string[] {
  return text
    .split(/\s*(?:,|\band\b|\bplus\b|&)\s*/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** "add projects" adds an entity, "add a priority" a field: field words are fields, known and plural nouns entities. */
export function isEntityNoun(word: string): boolean {
  const compact = stripArticles(word).replace(/\s+/g, '');
  if (FIELD_WORDS[compact] !== undefined) return false;
  return knownNoun(compact) !== undefined || isPlural(compact);
}

export function list(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]!}`;
}

export { words };
