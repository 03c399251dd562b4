import { z } from 'zod';
import type { ValuePath } from './expressions/template.ts';
import { typeName, withArticle as article } from './expressions/values.ts';
import { closest, didYouMean } from './suggest.ts';

/** A schema violation in words a workflow author can act on, at a path in the checked value. */
export interface SchemaProblem {
  /** Where to point: the value, or for a missing key the mapping that lacks it. */
  path: ValuePath;
  /** The value the problem is about (for a missing key, the key's own path). */
  subject: ValuePath;
  /** The zod issue code, for callers that filter by kind. */
  code: string;
  message: string;
  /** Point at the key rather than its value (an unknown or misspelt key). */
  atKey?: boolean;
}

type Issue = z.core.$ZodIssue;

export interface FormatOptions {
  /**
   * Unions whose branch cannot be known (the value is partly an expression) are dropped rather
   * than guessed at.
   */
  skipUnion?(path: ValuePath): boolean;
}

/**
 * Turns zod issues into problems. A union failure is reported from the branch the value was
 * meant for (the one whose type matched), so `foreach: { itemz: … }` says "unknown key
 * 'itemz'", not "invalid input".
 */
export function schemaProblems(issues: readonly Issue[], schema: z.ZodType, value: unknown, options: FormatOptions = {}, base: ValuePath = []): SchemaProblem[] {
  return issues.flatMap((issue) => problemsOf(issue, schema, value, options, base));
}

type Described = Omit<SchemaProblem, 'subject' | 'code'> & { subject?: ValuePath; code?: string };

function problemsOf(issue: Issue, schema: z.ZodType, root: unknown, options: FormatOptions, base: ValuePath): SchemaProblem[] {
  const path: ValuePath = [...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  return describe(issue, path, schema, root, options, base).map((p) => ({ ...p, subject: p.subject ?? path, code: p.code ?? issue.code }));
}

function describe(issue: Issue, path: ValuePath, schema: z.ZodType, root: unknown, options: FormatOptions, base: ValuePath): Described[] {
  const value = valueAt(root, path);
  switch (issue.code) {
    case 'invalid_union': {
      if (options.skipUnion?.(path)) return [];
      const branches = issue.errors.map((errors, i) => ({ errors, i })).filter(({ errors }) => !errors.some(isRootTypeMismatch));
      const unionSchema = schemaAt(schema, path.slice(base.length));
      const chosen = branches[0];
      if (chosen && unionSchema instanceof z.ZodUnion) {
        const branch = unionSchema.options[chosen.i] as z.ZodType | undefined;
        if (branch) return schemaProblems(chosen.errors, branch, root, options, path);
      }
      const expected = [...new Set(expectedTypes(issue).map(typeWord))];
      return [{ path, message: expected.length > 0 ? `must be ${orList(expected.map(article))}, not ${article(typeName(value))}` : issue.message }];
    }
    case 'invalid_type':
      if (value === undefined) {
        const key = path[path.length - 1];
        return [{ path: path.slice(0, -1), subject: path, atKey: true, message: `missing required key '${String(key)}'` }];
      }
      if (!isDefaultMessage(issue.message)) return [{ path, message: issue.message }];
      return [{ path, message: `must be ${article(typeWord(String(issue.expected)))}, not ${article(typeName(value))}` }];
    case 'unrecognized_keys': {
      const known = objectKeys(schemaAt(schema, path.slice(base.length)));
      return issue.keys.map((key) => ({
        path: [...path, key],
        atKey: true,
        message: `unknown key '${key}'${didYouMean(closest(key, known))}${known.length > 0 && closest(key, known) === undefined ? `; expected one of ${known.join(', ')}` : ''}`,
      }));
    }
    case 'invalid_key':
      return [{ path, atKey: true, message: `'${String(path[path.length - 1])}': ${issue.issues.map((i) => i.message).join('; ')}` }];
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v));
      return [{ path, message: `must be one of ${allowed.join(', ')}${didYouMean(typeof value === 'string' ? closest(value, allowed) : undefined)}` }];
    }
    case 'too_small':
    case 'too_big': {
      if (!isDefaultMessage(issue.message)) return [{ path, message: issue.message }];
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const word = issue.code === 'too_small' ? 'at least' : 'at most';
      const exclusive = issue.inclusive === false ? (issue.code === 'too_small' ? 'more than' : 'less than') : word;
      if (issue.origin === 'array') return [{ path, message: `must have ${word} ${String(bound)} item${bound === 1 ? '' : 's'}` }];
      if (issue.origin === 'string') return [{ path, message: `must have ${word} ${String(bound)} character${bound === 1 ? '' : 's'}` }];
      if (issue.origin === 'number' && Math.abs(Number(bound)) >= Number.MAX_SAFE_INTEGER) return [{ path, message: 'must be a safe integer' }];
      return [{ path, message: `must be ${exclusive} ${String(bound)}` }];
    }
    case 'invalid_format':
      // Our own regex messages start with the field's name, which the path already shows.
      return [{ path, message: issue.message }];
    default:
      return [{ path, message: issue.message }];
  }
}

// A nested union whose every branch has the wrong type is a type mismatch too.
// Zod's own messages are replaced with plainer ones; a message a schema wrote on purpose is kept.
function isDefaultMessage(message: string): boolean {
  return /^(Invalid|Too (small|big))/.test(message);
}

/** Zod's type names in the words of a YAML author. */
function typeWord(expected: string): string {
  if (expected === 'record') return 'object';
  if (expected === 'int') return 'integer';
  return expected;
}

function isRootTypeMismatch(issue: Issue): boolean {
  if (issue.path.length !== 0) return false;
  if (issue.code === 'invalid_type') return true;
  return issue.code === 'invalid_union' && issue.errors.every((errors) => errors.some(isRootTypeMismatch));
}

function expectedTypes(issue: Issue): string[] {
  if (issue.code === 'invalid_type') return [String(issue.expected)];
  if (issue.code === 'invalid_union') return issue.errors.flatMap((errors) => errors.filter(isRootTypeMismatch).flatMap(expectedTypes));
  return [];
}

/**
 * The schema that checks the value at `path`, walking objects, arrays, records, wrappers and
 * unions (zod reports a union's issues from the one branch whose type matched, at the union's path).
 */
export function schemaAt(schema: z.ZodType | undefined, path: ValuePath): z.ZodType | undefined {
  let current = unwrap(schema);
  for (const segment of path) {
    current = unwrap(step(current, segment));
    if (!current) return undefined;
  }
  return current;
}

function step(schema: z.ZodType | undefined, segment: string | number): z.ZodType | undefined {
  if (schema instanceof z.ZodObject) return schema.shape[String(segment)] as z.ZodType | undefined;
  if (schema instanceof z.ZodArray) return typeof segment === 'number' ? (schema.element as z.ZodType) : undefined;
  if (schema instanceof z.ZodRecord) return schema.valueType as z.ZodType;
  if (schema instanceof z.ZodUnion) {
    for (const option of schema.options as readonly z.ZodType[]) {
      const found = step(unwrap(option), segment);
      if (found) return found;
    }
  }
  return undefined;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let i = 0; i < 10 && current; i++) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = current.in as z.ZodType;
    else if (current instanceof z.ZodLazy) current = current.unwrap() as z.ZodType;
    else break;
  }
  return current;
}

function objectKeys(schema: z.ZodType | undefined): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodUnion) return [...new Set((schema.options as readonly z.ZodType[]).flatMap((option) => objectKeys(unwrap(option))))];
  return [];
}

export function valueAt(root: unknown, path: ValuePath): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]!}`;
}
