import type { AppKind } from '../../parser/spec.ts';
import { RevisionError } from '../errors.ts';
import { stripArticles } from '../resolve.ts';
import { ENTITY_KINDS, FEATURE_LIMITS, FRAMEWORKS, KIND_NAMES, KIND_WORDS } from '../vocabulary.ts';
import type { Revision } from './revision.ts';

const PERSISTENCE: Record<AppKind, 'none' | 'localStorage' | 'embedded-db' | 'json-file'> = {
  'react-spa': 'localStorage',
  'rest-api': 'embedded-db',
  fullstack: 'embedded-db',
  cli: 'json-file',
  'static-site': 'none',
};

export function kindIn(text: string): AppKind | undefined {
  const words = stripArticles(text).replace(/[-/]/g, ' ').replace(/\s+/g, ' ').trim();
  return KIND_WORDS[words] ?? KIND_WORDS[words.replace(/\s+(?:app|application|version|one)$/, '')];
}

/**
 * Browser-only app, REST API and full-stack app hold the same entities, so a spec moves between
 * them keeping its data model; features follow what the new kind can honour.
 */
export function switchKind(revision: Revision, kind: AppKind): void {
  const { spec, request } = revision;
  if (spec.kind === kind) throw new RevisionError('revision_impossible', `the app is already ${KIND_NAMES[kind]}`, { request });
  if (!ENTITY_KINDS.includes(spec.kind) || !ENTITY_KINDS.includes(kind)) {
    throw new RevisionError('revision_impossible', `${KIND_NAMES[spec.kind]} cannot become ${KIND_NAMES[kind]}; only browser-only apps, REST APIs and full-stack apps change into each other. Generate a new app instead`, {
      request,
      choices: ENTITY_KINDS.filter((k) => k !== spec.kind).map((k) => KIND_NAMES[k]),
    });
  }
  const from = spec.kind;
  const server = kind !== 'react-spa';
  spec.kind = kind;
  spec.framework = FRAMEWORKS[kind];
  const features = spec.features;
  features.persistence = PERSISTENCE[kind];
  // APIs always filter, sort and paginate (the parser's rule); a browser app keeps what it had.
  if (server) Object.assign(features, { filtering: true, sorting: true, pagination: true });
  const dropped: string[] = [];
  for (const [feature, limit] of Object.entries(FEATURE_LIMITS[kind]) as Array<[keyof typeof features, string]>) {
    if (features[feature] === true) {
      (features as Record<string, unknown>)[feature] = false;
      dropped.push(`${String(feature)} (${limit})`);
    }
  }
  revision.changes.push(`switched from ${KIND_NAMES[from]} to ${KIND_NAMES[kind]}${dropped.length > 0 ? `; dropped ${dropped.join(', ')}` : ''}`);
}
