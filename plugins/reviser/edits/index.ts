import { kebabCase, sentenceCase } from '../../parser/names.ts';
import type { Entity, Field } from '../../parser/spec.ts';
import { RevisionError } from '../errors.ts';
import { entitiesWithField, entityOrFail, findEntity, findField, isEntityNoun, list, parseFieldPhrase, splitList, stripArticles, typeWord } from '../resolve.ts';
import { addEntity, removeEntity, renameEntity } from './entities.ts';
import { setFeatures } from './features.ts';
import { addField, removeField, renameField, setFieldLabel, setFieldOptions, setFieldRequired, setFieldType } from './fields.ts';
import { kindIn, switchKind } from './kind.ts';
import { renameApp } from './name.ts';
import { addPages, removePages } from './pages.ts';
import { linkEntities, unlinkEntities } from './relations.ts';
import type { Edit, Revision } from './revision.ts';

/** Words that mean the whole app where an entity could stand: "add login to the app". */
const APP_WORDS = new Set(['app', 'application', 'it', 'site', 'website', 'api', 'tool', 'everything']);

function targetWord(word: string | undefined): string | undefined {
  return word === undefined || APP_WORDS.has(stripArticles(word)) ? undefined : word;
}

/** The field a request names, in the entity it names or the only entity that has it. */
function fieldOf(revision: Revision, fieldText: string, entityWord: string | undefined, verb: string): { entity: Entity; field: Field } {
  const { spec, request } = revision;
  const named = targetWord(entityWord);
  if (named !== undefined) {
    const entity = entityOrFail(spec, named, request, verb);
    const field = findField(entity, fieldText);
    if (field === undefined) {
      throw new RevisionError('revision_impossible', `${entity.name} has no field ${stripArticles(fieldText)}; its fields are ${list(entity.fields.map((f) => f.name))}`, {
        request,
        choices: entity.fields.map((f) => f.name),
      });
    }
    return { entity, field };
  }
  const owners = entitiesWithField(spec, fieldText);
  const label = stripArticles(fieldText);
  if (owners.length === 0) {
    throw new RevisionError('revision_impossible', `no entity has a field ${label}; the fields are ${spec.entities.map((e) => `${e.name}: ${e.fields.map((f) => f.name).join(', ')}`).join('; ')}`, { request });
  }
  if (owners.length > 1) {
    throw new RevisionError('revision_ambiguous', `which entity's ${label} ${verb}: ${list(owners.map((e) => e.name), 'or')}?`, { request, choices: owners.map((e) => e.name) });
  }
  return { entity: owners[0]!, field: findField(owners[0]!, fieldText)! };
}

const g = (groups: Readonly<Record<string, string | undefined>>, name: string): string => groups[name] ?? '';

/** Edit kinds by the names requests.ts uses. */
export const EDITS: Readonly<Record<string, Edit>> = {
  'rename-app': (revision, groups) => {
    renameApp(revision, g(groups, 'name'));
    return true;
  },
  'switch-kind': (revision, groups) => {
    const kind = kindIn(g(groups, 'kind'));
    if (kind === undefined) return false;
    switchKind(revision, kind);
    const extra = groups.with;
    if (extra !== undefined && !setFeatures(revision, extra, true)) {
      throw new RevisionError('revision_not_understood', `"${extra}" is not a feature this app can have (search, filtering, sorting, pagination, login)`, { request: revision.request });
    }
    return true;
  },
  'label-field': (revision, groups) => {
    const { entity, field } = fieldOf(revision, g(groups, 'field'), groups.entity, 'is relabelled');
    setFieldLabel(revision, entity, field, g(groups, 'label'));
    return true;
  },
  rename: (revision, groups) => {
    const from = g(groups, 'from');
    const entity = groups.entity === undefined ? findEntity(revision.spec, from) : undefined;
    if (entity !== undefined) renameEntity(revision, entity, g(groups, 'to'));
    else {
      const found = fieldOf(revision, from, groups.entity, 'is renamed');
      renameField(revision, found.entity, found.field, g(groups, 'to'));
    }
    return true;
  },
  relate: (revision, groups) => {
    linkEntities(revision, g(groups, 'child'), g(groups, 'parent'));
    return true;
  },
  unrelate: (revision, groups) => {
    unlinkEntities(revision, g(groups, 'a'), g(groups, 'b'));
    return true;
  },
  'add-pages': (revision, groups) => {
    addPages(revision, g(groups, 'pages'));
    return true;
  },
  'remove-pages': (revision, groups) => {
    removePages(revision, g(groups, 'pages'));
    return true;
  },
  'require-field': (revision, groups) => {
    const { entity, field } = fieldOf(revision, g(groups, 'field'), groups.entity, 'changes');
    setFieldRequired(revision, entity, field, groups.flag !== 'optional');
    return true;
  },
  'field-options': (revision, groups) => {
    const { entity, field } = fieldOf(revision, g(groups, 'field'), groups.entity, 'changes');
    setFieldOptions(revision, entity, field, splitList(g(groups, 'options')).map(kebabCase));
    return true;
  },
  'field-type': (revision, groups) => {
    const type = typeWord(g(groups, 'type'));
    if (type === undefined) return false;
    const { entity, field } = fieldOf(revision, g(groups, 'field'), groups.entity, 'changes type');
    setFieldType(revision, entity, field, type);
    return true;
  },
  'features-on': (revision, groups) => setFeatures(revision, withoutAppTarget(g(groups, 'features')), true),
  'features-off': (revision, groups) => setFeatures(revision, withoutAppTarget(g(groups, 'features')), false),
  'add-fields': (revision, groups) => {
    const named = targetWord(groups.entity);
    if (revision.spec.kind === 'static-site') {
      throw new RevisionError('revision_impossible', `a static site holds pages, not entities with fields; it could get a page instead ("add a ${stripArticles(named ?? 'news')} page")`, { request: revision.request });
    }
    const phrases = splitList(g(groups, 'fields'));
    for (const phrase of phrases) {
      const entity = entityOrFail(revision.spec, named, revision.request, `gets the ${parseFieldPhrase(phrase).label.toLowerCase()}`);
      addField(revision, entity, phrase);
    }
    return true;
  },
  add: (revision, groups) => {
    // A static site holds pages, not entities: "add a blog" is a page there.
    if (revision.spec.kind === 'static-site') return EDITS['add-pages']!(revision, { pages: g(groups, 'things') });
    for (const item of splitList(g(groups, 'things'))) {
      if (isEntityNoun(item)) addEntity(revision, item);
      else {
        const label = sentenceCase(parseFieldPhrase(item).name).toLowerCase();
        addField(revision, entityOrFail(revision.spec, undefined, revision.request, `gets the ${label}`), item);
      }
    }
    return true;
  },
  remove: (revision, groups) => {
    if (revision.spec.kind === 'static-site') return EDITS['remove-pages']!(revision, { pages: g(groups, 'things') });
    for (const item of splitList(g(groups, 'things'))) {
      const entity = groups.entity === undefined ? findEntity(revision.spec, item) : undefined;
      if (entity !== undefined) removeEntity(revision, entity);
      else {
        const found = fieldOf(revision, item, groups.entity, 'is removed');
        removeField(revision, found.entity, found.field);
      }
    }
    return true;
  },
};

function withoutAppTarget(text: string): string {
  return text.replace(/\s+(?:to|in|for|from|on)\s+(?:the\s+)?(?:app|application|it|site|api|project)$/, '');
}
