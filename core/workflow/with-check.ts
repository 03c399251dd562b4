import type { z } from 'zod';
import { expressionSites, type ValuePath, type ValueTemplate } from './expressions/template.ts';
import { schemaProblems, type SchemaProblem } from './zod-issues.ts';

/**
 * Checks a step's `with` against its plugin step's input schema before the run, as far as it
 * can be known: a field holding an expression has no value yet, so problems at or inside it,
 * and problems of its ancestors that depend on their contents (unions, refinements), are
 * left to the run-time check.
 */
export function checkWith(schema: z.ZodType, template: ValueTemplate, written: unknown): SchemaProblem[] {
  const unknown = expressionSites(template).map((site) => site.path);
  if (unknown.some((path) => path.length === 0)) return [];
  const value = withUnknownsRemoved(written, unknown);
  let result: z.ZodSafeParseResult<unknown>;
  try {
    result = schema.safeParse(value);
  } catch {
    // A plugin's refinement may throw on a field left out here, or be async: the run-time check covers it.
    return [];
  }
  if (result.success) return [];
  const encloses = (path: ValuePath) => unknown.some((u) => startsWith(u, path));
  const within = (path: ValuePath) => unknown.some((u) => startsWith(path, u));
  return schemaProblems(result.error.issues, schema, value, { skipUnion: encloses }).filter((problem) => {
    if (within(problem.subject)) return false;
    // An ancestor of an expression can still be wrong in ways that do not depend on it: its type, its keys, its size.
    return !encloses(problem.subject) || INDEPENDENT_OF_CONTENTS.has(problem.code);
  });
}

const INDEPENDENT_OF_CONTENTS: ReadonlySet<string> = new Set(['invalid_type', 'unrecognized_keys', 'too_small', 'too_big']);

/** A copy of the written value with each expression's field set to undefined: present, but of no known value. */
function withUnknownsRemoved(value: unknown, unknown: readonly ValuePath[], path: ValuePath = []): unknown {
  if (unknown.some((u) => u.length === path.length && startsWith(u, path))) return undefined;
  if (Array.isArray(value)) return value.map((item, i) => withUnknownsRemoved(item, unknown, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withUnknownsRemoved(item, unknown, [...path, key])]));
  }
  return value;
}

function startsWith(path: ValuePath, prefix: ValuePath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
}
