import type { z } from 'zod';
import { ValidationError } from '../core/errors.ts';

/** Parses with a zod schema; a failure is a ValidationError naming each field. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalid(result.error, what);
}

export function invalid(error: z.ZodError, what: string): ValidationError {
  const issues = error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message }));
  return new ValidationError(`${what} is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}
