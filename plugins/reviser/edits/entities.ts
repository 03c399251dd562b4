import { DEFAULT_FIELDS, ENTITY_FIELDS } from '../../parser/dictionary.ts';
import { knownNoun } from '../../parser/entities.ts';
import { pluralize, singularize } from '../../parser/inflect.ts';
import { pascalCase } from '../../parser/names.ts';
import type { Entity } from '../../parser/spec.ts';
import { RevisionError } from '../errors.ts';
import { findEntity, stripArticles } from '../resolve.ts';
import { ENTITY_KINDS } from '../vocabulary.ts';
import type { Revision } from './revision.ts';

/** A new entity with the dictionary's fields for a known noun (`projects`), else name and description. */
export function newEntity(word: string): Entity {
  const compact = stripArticles(word).replace(/\s+/g, ' ').trim();
  const noun = knownNoun(compact.replace(/\s+/g, '')) ?? singularize(compact);
  const fields = ENTITY_FIELDS[noun] ?? DEFAULT_FIELDS;
  return { name: pascalCase(noun), plural: pascalCase(pluralize(noun)), fields: fields.map((f) => ({ ...f })), relations: [] };
}

export function addEntity(revision: Revision, word: string): Entity {
  const { spec, request } = revision;
  if (!ENTITY_KINDS.includes(spec.kind) && !(spec.kind === 'cli' && spec.cli?.mode === 'manage')) {
    throw new RevisionError('revision_impossible', `a ${spec.kind} holds no entities, so ${stripArticles(word)} cannot be added`, { request });
  }
  const existing = findEntity(spec, word);
  if (existing !== undefined) throw new RevisionError('revision_impossible', `the app already has ${existing.plural}`, { request });
  const entity = newEntity(word);
  spec.entities.push(entity);
  revision.changes.push(`added entity ${entity.name} (${entity.fields.map((f) => f.name).join(', ')})`);
  return entity;
}

export function removeEntity(revision: Revision, entity: Entity): void {
  const { spec, request } = revision;
  if (spec.entities.length === 1) throw new RevisionError('revision_impossible', `${entity.name} is the only entity; a ${spec.kind} needs at least one`, { request });
  spec.entities = spec.entities.filter((e) => e !== entity);
  for (const other of spec.entities) other.relations = other.relations.filter((r) => r.entity !== entity.name);
  revision.changes.push(`removed entity ${entity.name}`);
}

export function renameEntity(revision: Revision, entity: Entity, to: string): void {
  const { spec, request } = revision;
  const words = stripArticles(to).trim();
  const noun = singularize(words.replace(/\s+/g, ' '));
  const name = pascalCase(noun);
  const plural = pascalCase(pluralize(noun));
  if (!/^[A-Z][a-zA-Z0-9]{0,39}$/.test(name)) throw new RevisionError('revision_impossible', `"${to}" cannot name an entity`, { request });
  const clash = spec.entities.find((e) => e !== entity && (e.name === name || e.plural === plural));
  if (clash !== undefined) throw new RevisionError('revision_impossible', `the app already has ${clash.plural}`, { request });
  if (entity.name === name) throw new RevisionError('revision_impossible', `${entity.name} is already called that`, { request });
  const from = entity.name;
  for (const other of spec.entities) for (const relation of other.relations) if (relation.entity === from) relation.entity = name;
  entity.name = name;
  entity.plural = plural;
  revision.changes.push(`renamed entity ${from} to ${name} (${plural})`);
}
