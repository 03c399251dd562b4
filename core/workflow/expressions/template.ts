import { ExpressionSyntaxError } from '../errors.ts';
import type { Expression } from './ast.ts';
import { evaluateExpression, type ExpressionScope } from './evaluate.ts';
import { parseExpression } from './parser.ts';
import { toText } from './values.ts';

/**
 * A YAML value with its `${{ … }}` expressions parsed. A string that is exactly one expression
 * keeps the expression's type (a list stays a list); expressions inside longer text are
 * interpolated, data as JSON.
 */
export type ValueTemplate =
  | { kind: 'static'; value: unknown }
  | { kind: 'expression'; expression: Expression }
  | { kind: 'interpolation'; parts: ReadonlyArray<string | Expression> }
  | { kind: 'array'; items: readonly ValueTemplate[] }
  | { kind: 'object'; entries: ReadonlyArray<readonly [string, ValueTemplate]> };

export type ValuePath = ReadonlyArray<string | number>;

/** Where an expression sits in a value: the key path to its string, and its offset in that string. */
export interface ExpressionSite {
  path: ValuePath;
  expression: Expression;
}

const OPEN = '${{';
const CLOSE = '}}';

/** Splits a string into text and expressions; offsets in errors are offsets into `text`. */
export function parseTemplate(text: string): ValueTemplate {
  const parts: Array<string | Expression> = [];
  let i = 0;
  for (;;) {
    const open = text.indexOf(OPEN, i);
    if (open === -1) break;
    if (open > i) parts.push(text.slice(i, open));
    const close = findClose(text, open + OPEN.length);
    if (close < 0) {
      // A quote left open swallows the `}}`; name the quote, it is the real mistake.
      if (close !== -1) throw new ExpressionSyntaxError('string is not closed: add a single quote', -close - 2);
      throw new ExpressionSyntaxError(`'${OPEN}' is not closed: add '${CLOSE}'`, open);
    }
    const start = open + OPEN.length;
    const source = text.slice(start, close);
    try {
      parts.push({ source, ast: parseExpression(source), offset: start });
    } catch (error) {
      if (error instanceof ExpressionSyntaxError) throw new ExpressionSyntaxError(error.message, start + error.offset);
      throw error;
    }
    i = close + CLOSE.length;
  }
  if (parts.length === 0) return { kind: 'static', value: text };
  if (i < text.length) parts.push(text.slice(i));
  const expressions = parts.filter((p): p is Expression => typeof p !== 'string');
  const onlyOne = expressions.length === 1 && parts.every((p) => typeof p !== 'string' || p.trim() === '');
  return onlyOne ? { kind: 'expression', expression: expressions[0]! } : { kind: 'interpolation', parts };
}

/**
 * The offset of the `}}` that ends an expression; `}}` inside a quoted string does not count,
 * so `${{ '}}' }}` is the text `}}`. -1 when there is none, `-2 - quote` when an unclosed
 * quote at `quote` hid it.
 */
function findClose(text: string, from: number): number {
  let quote = -1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === "'") quote = quote === -1 ? i : -1;
    else if (quote === -1 && text.startsWith(CLOSE, i)) return i;
  }
  return quote === -1 ? -1 : -2 - quote;
}

/**
 * Parses every string in a YAML value. A string with a syntax error is reported through
 * `onError` and kept as text, so one bad expression does not hide the problems after it.
 */
export type TemplateErrorHandler = (path: ValuePath, error: ExpressionSyntaxError, atKey?: boolean) => void;

export function compileValue(value: unknown, onError: TemplateErrorHandler, path: ValuePath = []): ValueTemplate {
  if (typeof value === 'string') {
    try {
      return parseTemplate(value);
    } catch (error) {
      if (!(error instanceof ExpressionSyntaxError)) throw error;
      onError(path, error);
      return { kind: 'static', value };
    }
  }
  if (Array.isArray(value)) {
    const items = value.map((item, i) => compileValue(item, onError, [...path, i]));
    return items.every((t) => t.kind === 'static') ? { kind: 'static', value } : { kind: 'array', items };
  }
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      if (key.includes(OPEN)) onError([...path, key], new ExpressionSyntaxError('keys are not evaluated; write expressions in values only', 0), true);
    }
    const entries = Object.entries(value).map(([key, item]) => [key, compileValue(item, onError, [...path, key])] as const);
    return entries.every(([, t]) => t.kind === 'static') ? { kind: 'static', value } : { kind: 'object', entries };
  }
  return { kind: 'static', value };
}

/** Every expression in a template, with where it is. */
export function expressionSites(template: ValueTemplate, path: ValuePath = []): ExpressionSite[] {
  switch (template.kind) {
    case 'static':
      return [];
    case 'expression':
      return [{ path, expression: template.expression }];
    case 'interpolation':
      return template.parts.filter((p): p is Expression => typeof p !== 'string').map((expression) => ({ path, expression }));
    case 'array':
      return template.items.flatMap((item, i) => expressionSites(item, [...path, i]));
    case 'object':
      return template.entries.flatMap(([key, item]) => expressionSites(item, [...path, key]));
  }
}

export function evaluateValue(template: ValueTemplate, scope: ExpressionScope): unknown {
  switch (template.kind) {
    case 'static':
      // A copy, so a step that mutates its input cannot change what the next run or item sees.
      return typeof template.value === 'object' && template.value !== null ? structuredClone(template.value) : template.value;
    case 'expression':
      return evaluateExpression(template.expression, scope);
    case 'interpolation':
      return template.parts.map((part) => (typeof part === 'string' ? part : toText(evaluateExpression(part, scope)))).join('');
    case 'array':
      return template.items.map((item) => evaluateValue(item, scope));
    case 'object':
      // fromEntries defines keys as own data properties, so a `__proto__` key stays a plain key.
      return Object.fromEntries(template.entries.map(([key, item]) => [key, evaluateValue(item, scope)]));
  }
}
