import { camelCase, sentenceCase } from '../../parser/names.ts';
import { RESERVED_FIELD_NAMES, type Entity, type Field, type FieldType } from '../../parser/spec.ts';
import { RevisionError } from '../errors.ts';
import { list, parseFieldPhrase, stripArticles } from '../resolve.ts';
import type { Revision } from './revision.ts';

function taken(entity: Entity, name: string): boolean {
  const relationIds = entity.relations.filter((r) => r.type === 'belongsTo').map((r) => `${camelCase(r.entity)}Id`);
  return (RESERVED_FIELD_NAMES as readonly string[]).includes(name) || relationIds.includes(name) || entity.fields.some((f) => f.name === name);
}

export function addField(revision: Revision, entity: Entity, phrase: string): void {
  const field = parseFieldPhrase(phrase);
  if (taken(entity, field.name)) throw new RevisionError('revision_impossible', `${entity.name} already has a field ${field.name}`, { request: revision.request });
  entity.fields.push(field);
  revision.changes.push(`added ${field.required ? 'required ' : ''}${field.type} field ${field.name} to ${entity.name}`);
}

export function removeField(revision: Revision, entity: Entity, field: Field): void {
  if (entity.fields.length === 1) throw new RevisionError('revision_impossible', `${field.name} is the only field of ${entity.name}; remove the entity instead`, { request: revision.request });
  entity.fields = entity.fields.filter((f) => f !== field);
  revision.changes.push(`removed field ${field.name} from ${entity.name}`);
}

export function renameField(revision: Revision, entity: Entity, field: Field, to: string): void {
  const name = camelCase(stripArticles(to));
  if (taken(entity, name)) throw new RevisionError('revision_impossible', `${entity.name} already has a field ${name}`, { request: revision.request });
  const from = field.name;
  const defaultLabel = field.label === sentenceCase(from) || field.label.toLowerCase() === sentenceCase(from).toLowerCase();
  field.name = name;
  if (defaultLabel) field.label = sentenceCase(name);
  revision.changes.push(`renamed field ${entity.name}.${from} to ${name}`);
}

export function setFieldType(revision: Revision, entity: Entity, field: Field, type: FieldType): void {
  if (type === 'enum') throw new RevisionError('revision_impossible', `say the choices for ${field.name}, as in "make ${field.name} one of low, medium, high"`, { request: revision.request });
  if (field.type === type) throw new RevisionError('revision_impossible', `${entity.name}.${field.name} is already a ${type} field`, { request: revision.request });
  const from = field.type;
  field.type = type;
  delete field.options;
  revision.changes.push(`changed ${entity.name}.${field.name} from ${from} to ${type}`);
}

export function setFieldOptions(revision: Revision, entity: Entity, field: Field, options: string[]): void {
  if (options.length < 2) throw new RevisionError('revision_impossible', `a choice needs at least two options; got ${list(options) || 'none'}`, { request: revision.request });
  field.type = 'enum';
  field.options = options;
  revision.changes.push(`made ${entity.name}.${field.name} one of ${options.join(', ')}`);
}

export function setFieldRequired(revision: Revision, entity: Entity, field: Field, required: boolean): void {
  if (field.required === required) throw new RevisionError('revision_impossible', `${entity.name}.${field.name} is already ${required ? 'required' : 'optional'}`, { request: revision.request });
  field.required = required;
  revision.changes.push(`made ${entity.name}.${field.name} ${required ? 'required' : 'optional'}`);
}

export function setFieldLabel(revision: Revision, entity: Entity, field: Field, label: string): void {
  const text = label.trim();
  if (text === '' || text.length > 80) throw new RevisionError('revision_impossible', 'a label has 1 to 80 characters', { request: revision.request });
  field.label = text;
  revision.changes.push(`labelled ${entity.name}.${field.name} "${text}"`);
}
