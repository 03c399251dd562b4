import { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors.ts';
import type { ValuePath } from './expressions/template.ts';
import { deepEqual, typeName, withArticle } from './expressions/values.ts';
import type { InputSpec, TypeSpec } from './schema.ts';
import { closest, didYouMean } from './suggest.ts';
import { schemaProblems } from './zod-issues.ts';

/** An input without a default is required unless it says `required: false`. */
export function isRequired(spec: InputSpec): boolean {
  return spec.required ?? spec.default === undefined;
}

const typeError = (expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is required' : `must be ${expected}, not ${withArticle(typeName(issue.input))}`;

/** The zod schema of one declared type; run inputs and defaults are checked with it. */
export function valueSchema(spec: TypeSpec): z.ZodType {
  const base = baseSchema(spec);
  const allowed = spec.enum;
  if (!allowed) return base;
  return base.refine((value) => allowed.some((option) => deepEqual(option, value)), {
    message: `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`,
  });
}

function baseSchema(spec: TypeSpec): z.ZodType {
  switch (spec.type) {
    case 'string': {
      let schema = z.string({ error: typeError('a string') });
      if (spec.minLength !== undefined) schema = schema.min(spec.minLength, `must have at least ${spec.minLength} characters`);
      if (spec.maxLength !== undefined) schema = schema.max(spec.maxLength, `must have at most ${spec.maxLength} characters`);
      const pattern = spec.pattern === undefined ? undefined : compilePattern(spec.pattern);
      if (pattern) schema = schema.regex(pattern, `must match the pattern ${spec.pattern!}`);
      return schema;
    }
    case 'number':
    case 'integer': {
      let schema = z.number({ error: typeError(spec.type === 'integer' ? 'an integer' : 'a number') });
      if (spec.type === 'integer') schema = schema.int({ error: 'must be a whole number' });
      if (spec.min !== undefined) schema = schema.min(spec.min, `must be at least ${spec.min}`);
      if (spec.max !== undefined) schema = schema.max(spec.max, `must be at most ${spec.max}`);
      return schema;
    }
    case 'boolean':
      return z.boolean({ error: typeError('true or false') });
    case 'object':
      return z.record(z.string(), z.unknown(), { error: typeError('an object') });
    case 'array': {
      let schema = z.array(spec.items ? valueSchema(spec.items) : z.unknown(), { error: typeError('an array') });
      if (spec.minItems !== undefined) schema = schema.min(spec.minItems, `must have at least ${spec.minItems} items`);
      if (spec.maxItems !== undefined) schema = schema.max(spec.maxItems, `must have at most ${spec.maxItems} items`);
      return schema;
    }
  }
}

const MAX_PATTERN_LENGTH = 500;

/**
 * `pattern` matches the whole string, which is what authors mean by "the value must look like".
 * Patterns that can backtrack exponentially (a quantified group that itself contains a
 * quantifier, such as `(a+)+`) or use backreferences are refused: JavaScript regular expressions
 * cannot be interrupted, and one such pattern would stall the server on a single input.
 */
export function compilePattern(pattern: string): RegExp | undefined {
  if (unsafePatternReason(pattern) !== undefined) return undefined;
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return undefined;
  }
}

/** Why a pattern is refused, or undefined when it is safe to run. */
export function unsafePatternReason(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `is longer than ${MAX_PATTERN_LENGTH} characters`;
  // For each open group: whether it contains a quantifier, and whether it contains `|`.
  const groups: boolean[] = [];
  const alternations: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      if (!inClass && /[1-9k]/.test(pattern[i + 1] ?? '')) return 'uses a backreference';
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') {
      groups.push(false);
      alternations.push(false);
    } else if (c === '|' && alternations.length > 0) alternations[alternations.length - 1] = true;
    else if (c === ')') {
      const hadQuantifier = groups.pop() ?? false;
      const hadAlternation = alternations.pop() ?? false;
      const next = pattern[i + 1];
      const quantified = next === '*' || next === '+' || next === '{';
      if (hadQuantifier && quantified) return 'repeats a group that itself repeats (like (a+)+), which can take exponential time';
      // Overlapping alternatives under a repeat, like (a|a)+, backtrack exponentially too;
      // a character class ([ab]+) says the same thing safely.
      if (hadAlternation && quantified) return 'repeats a group of alternatives (like (a|b)+); use a character class such as [ab]+ instead';
      if (groups.length > 0 && (hadQuantifier || quantified)) groups[groups.length - 1] = true;
    } else if ((c === '*' || c === '+' || c === '{') && groups.length > 0) {
      groups[groups.length - 1] = true;
    }
  }
  return undefined;
}

/** The schema of a run's input: an object of the declared inputs, defaults applied, nothing else. */
export function runInputSchema(inputs: Readonly<Record<string, InputSpec>>): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(inputs)) {
    const schema = valueSchema(spec);
    const fallback = spec.default;
    shape[name] = fallback !== undefined ? schema.default(() => structuredClone(fallback)) : isRequired(spec) ? schema : schema.optional();
  }
  return z.strictObject(shape) as unknown as z.ZodType<Record<string, unknown>>;
}

/**
 * Validates a run's input; `null` counts as not given, so JSON clients can send explicit nulls
 * and get the default. Issues name the input (`count`, `files.2`).
 */
export function parseRunInput(schema: z.ZodType<Record<string, unknown>>, input: unknown, workflow: string): Record<string, unknown> {
  const value = input ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationError(`input of workflow '${workflow}' must be an object of named inputs, not ${withArticle(typeName(value))}`, [
      { path: '(root)', message: `must be an object of named inputs, not ${withArticle(typeName(value))}` },
    ]);
  }
  const given = Object.fromEntries(Object.entries(value).filter(([, value]) => value !== null));
  const result = schema.safeParse(given);
  if (result.success) return result.data;
  const known = schema instanceof z.ZodObject ? Object.keys(schema.shape as Record<string, unknown>) : [];
  const issues: ValidationIssue[] = result.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: key,
        message: known.length === 0 ? 'unknown input: the workflow declares no inputs' : `unknown input${didYouMean(closest(key, known))}; inputs are ${known.join(', ')}`,
      }));
    }
    return [{ path: issue.path.map(String).join('.') || '(root)', message: issue.message }];
  });
  throw new ValidationError(`input of workflow '${workflow}' is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

const KEYWORDS_BY_TYPE: Record<string, readonly string[]> = {
  min: ['number', 'integer'],
  max: ['number', 'integer'],
  minLength: ['string'],
  maxLength: ['string'],
  pattern: ['string'],
  minItems: ['array'],
  maxItems: ['array'],
  items: ['array'],
};

/** Checks a declared input for contradictions before any run gives it a value. */
export function checkInputSpec(spec: InputSpec | TypeSpec, report: (path: ValuePath, message: string) => void): void {
  for (const [keyword, types] of Object.entries(KEYWORDS_BY_TYPE)) {
    if ((spec as Record<string, unknown>)[keyword] !== undefined && !types.includes(spec.type)) {
      report([keyword], `'${keyword}' applies to ${types.join(' and ')} inputs, not ${spec.type}`);
    }
  }
  if (spec.min !== undefined && spec.max !== undefined && spec.min > spec.max) report(['min'], `min ${spec.min} is greater than max ${spec.max}`);
  if (spec.minLength !== undefined && spec.maxLength !== undefined && spec.minLength > spec.maxLength) {
    report(['minLength'], `minLength ${spec.minLength} is greater than maxLength ${spec.maxLength}`);
  }
  if (spec.minItems !== undefined && spec.maxItems !== undefined && spec.minItems > spec.maxItems) {
    report(['minItems'], `minItems ${spec.minItems} is greater than maxItems ${spec.maxItems}`);
  }
  if (spec.pattern !== undefined) {
    const unsafe = unsafePatternReason(spec.pattern);
    if (unsafe !== undefined) report(['pattern'], `pattern '${spec.pattern}' ${unsafe}; simplify it`);
    else if (compilePattern(spec.pattern) === undefined) report(['pattern'], `'${spec.pattern}' is not a valid regular expression`);
  }
  if (spec.items) checkInputSpec(spec.items, (path, message) => report(['items', ...path], message));
  if (spec.enum) {
    const base = baseSchema({ ...spec, enum: undefined });
    spec.enum.forEach((option, i) => {
      const result = base.safeParse(option);
      if (!result.success) {
        for (const problem of schemaProblems(result.error.issues, base, option)) {
          report(['enum', i, ...problem.path], `enum value ${JSON.stringify(option)} ${problem.message}`);
        }
      }
    });
  }
  if ('default' in spec && spec.default !== undefined) {
    if (spec.required === true) report(['required'], "an input with a default is never missing; remove 'required: true' or the default");
    const schema = valueSchema(spec);
    const result = schema.safeParse(spec.default);
    if (!result.success) {
      for (const problem of schemaProblems(result.error.issues, schema, spec.default)) report(['default', ...problem.path], `default ${problem.message}`);
    }
  }
}
