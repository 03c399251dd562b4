import { normalize } from '../parser/normalize.ts';
import { AppSpecSchema, type AppSpec } from '../parser/spec.ts';
import { EDITS } from './edits/index.ts';
import type { Revision } from './edits/revision.ts';
import { RevisionError } from './errors.ts';
import { REQUEST_PATTERNS } from './requests.ts';
import { CLAUSE_VERBS } from './vocabulary.ts';

export interface RevisionResult {
  /** The revised spec; keys the spec schema does not know are kept as they were. */
  spec: AppSpec;
  /** What changed, one sentence per edit, in request order. */
  changes: string[];
}

export const MAX_REQUEST_LENGTH = 2000;

const EXAMPLES = '"add a due date to todos", "todos belong to projects", "rename notes to memos", "make it full-stack with login", "make title optional", "add a pricing page"';

/**
 * Turns a change request into edits of a spec, offline, with the rules in requests.ts. The
 * request is split into clauses ("add a due date and make it full-stack"); each clause must be
 * understood. Either every clause applies and the result passes the spec schema, or nothing
 * changes and a `RevisionError` says why (with the choices, when the request was ambiguous).
 */
export function reviseSpec(spec: AppSpec, request: string): RevisionResult {
  const text = request.trim();
  if (text === '') throw new RevisionError('revision_not_understood', 'the change request is empty', { request });
  if (text.length > MAX_REQUEST_LENGTH) throw new RevisionError('revision_not_understood', `the change request has ${text.length} characters; at most ${MAX_REQUEST_LENGTH} are read`, { request: text.slice(0, 200) });
  const revision: Revision = { spec: structuredClone(spec), request: text, changes: [] };
  for (const clause of clauses(text)) applyClause(revision, clause);
  const checked = AppSpecSchema.safeParse(revision.spec);
  if (!checked.success) {
    const issues = checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new RevisionError('revision_impossible', `the revised spec would be invalid: ${issues.join('; ')}`, { request: text });
  }
  return { spec: revision.spec, changes: revision.changes };
}

/** Splits at sentence ends, and at "and"/"then"/commas that start a new request. */
export function clauses(text: string): string[] {
  // A new clause starts with a verb, or with a relation sentence ("todos belong to projects").
  const starts = `(?:${[...CLAUSE_VERBS].join('|')})\\b|(?:each\\s+|every\\s+)?[a-z]+\\s+(?:belongs?\\s+to|ha(?:s|ve)\\s+many)\\b`;
  const splitter = new RegExp(`\\s*(?:[;!?]+|\\.(?=\\s|$))\\s*|\\s*,?\\s+(?:and\\s+then|and|then|also)\\s+(?=${starts})|\\s*,\\s*(?=${starts})`, 'i');
  return text
    .split(splitter)
    .map((clause) => clause.replace(/^(?:please|can you|could you|i want to|i'd like to|now|also|and|then)\s+/i, '').replace(/\s*,?\s*please$/i, '').trim())
    .filter((clause) => clause.length > 0);
}

function applyClause(revision: Revision, clause: string): void {
  const normalized = normalize(clause).replace(/\s+/g, ' ').trim();
  for (const { edit, pattern, original } of REQUEST_PATTERNS) {
    const match = pattern.exec(original === true ? clause : normalized);
    if (match === null) continue;
    const run = EDITS[edit];
    if (run === undefined) throw new Error(`requests.ts names an unknown edit ${edit}`);
    if (run(revision, match.groups ?? {})) return;
  }
  throw new RevisionError('revision_not_understood', `"${clause}" was not understood as a change; requests like ${EXAMPLES} are`, { request: revision.request });
}
