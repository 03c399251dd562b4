import { camelCase } from '../../parser/names.ts';
import type { Entity } from '../../parser/spec.ts';
import { RevisionError } from '../errors.ts';
import { findEntity, isEntityNoun } from '../resolve.ts';
import { addEntity } from './entities.ts';
import type { Revision } from './revision.ts';

/**
 * "todos belong to projects": Todo gets a projectId, Project lists its todos. A parent the app
 * does not have yet is added with the dictionary's fields, which is what the person meant.
 */
export function linkEntities(revision: Revision, childWord: string, parentWord: string): void {
  const { spec, request } = revision;
  const child = findEntity(spec, childWord) ?? fail(revision, childWord);
  const parent = findEntity(spec, parentWord) ?? (isEntityNoun(parentWord) || /^[a-z]{3,}$/.test(parentWord) ? addEntity(revision, parentWord) : fail(revision, parentWord));
  if (child === parent) throw new RevisionError('revision_impossible', `${child.name} cannot belong to itself`, { request });
  const linked = (a: Entity, b: Entity): boolean => a.relations.some((r) => r.entity === b.name);
  if (linked(child, parent) || linked(parent, child)) throw new RevisionError('revision_impossible', `${child.name} and ${parent.name} are already related`, { request });
  child.relations.push({ type: 'belongsTo', entity: parent.name });
  parent.relations.push({ type: 'hasMany', entity: child.name });
  // The reference replaces a plain field of the same name (Book.author becomes Book.authorId).
  const reference = camelCase(parent.name);
  const replaced = child.fields.filter((f) => f.name === reference || f.name === `${reference}Id`);
  if (replaced.length > 0 && replaced.length < child.fields.length) child.fields = child.fields.filter((f) => !replaced.includes(f));
  revision.changes.push(`${child.plural} belong to ${parent.plural} (${child.name}.${reference}Id)`);
}

export function unlinkEntities(revision: Revision, aWord: string, bWord: string): void {
  const a = findEntity(revision.spec, aWord) ?? fail(revision, aWord);
  const b = findEntity(revision.spec, bWord) ?? fail(revision, bWord);
  const before = a.relations.length + b.relations.length;
  a.relations = a.relations.filter((r) => r.entity !== b.name);
  b.relations = b.relations.filter((r) => r.entity !== a.name);
  if (a.relations.length + b.relations.length === before) throw new RevisionError('revision_impossible', `${a.name} and ${b.name} are not related`, { request: revision.request });
  revision.changes.push(`${a.plural} and ${b.plural} are no longer related`);
}

function fail(revision: Revision, word: string): never {
  const names = revision.spec.entities.map((e) => e.name);
  throw new RevisionError('revision_impossible', `there is no ${word} in this app; its entities are ${names.join(', ')}`, { request: revision.request, choices: names });
}
