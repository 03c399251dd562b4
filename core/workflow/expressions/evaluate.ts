import { ExpressionError } from '../errors.ts';
import type { ExprNode, Expression } from './ast.ts';
import { FUNCTIONS } from './functions.ts';
import { FORBIDDEN_NAMES } from './parser.ts';
import { deepEqual, isPlainObject, truthy, typeName, withArticle } from './values.ts';

/** The names an expression can start from: `inputs`, `steps`, `run`, and `item`/`index` in a `foreach`. */
export type ExpressionScope = Readonly<Record<string, unknown>>;

/** Evaluates a parsed expression; failures name the expression so the run's error is actionable. */
export function evaluateExpression(expression: Expression, scope: ExpressionScope): unknown {
  try {
    return evaluate(expression.ast, scope);
  } catch (error) {
    if (error instanceof ExpressionError) {
      throw new ExpressionError(`\${{ ${expression.source.trim()} }}: ${error.message}`, { expression: expression.source });
    }
    throw error;
  }
}

export function evaluate(node: ExprNode, scope: ExpressionScope): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'identifier':
      if (!Object.hasOwn(scope, node.name)) throw new ExpressionError(`'${node.name}' is not available here`);
      return scope[node.name] ?? null;
    case 'member':
      return read(evaluate(node.object, scope), node.name);
    case 'index':
      return read(evaluate(node.object, scope), evaluate(node.index, scope));
    case 'not':
      return !truthy(evaluate(node.operand, scope));
    case 'logical': {
      // Returns an operand, not a boolean, so `inputs.name || 'default'` works.
      const left = evaluate(node.left, scope);
      if (node.op === '&&') return truthy(left) ? evaluate(node.right, scope) : left;
      return truthy(left) ? left : evaluate(node.right, scope);
    }
    case 'compare':
      return compare(node.op, evaluate(node.left, scope), evaluate(node.right, scope));
    case 'call': {
      const fn = FUNCTIONS[node.name];
      if (!fn) throw new ExpressionError(`unknown function '${node.name}'`);
      return fn.call(node.args.map((arg) => evaluate(arg, scope)));
    }
  }
}

/**
 * Reads own properties of plain objects and elements of arrays, nothing else. A missing key
 * or a read through null gives null, so optional data needs no guards.
 */
function read(target: unknown, key: unknown): unknown {
  if (target === null || target === undefined) return null;
  if (Array.isArray(target)) {
    if (typeof key !== 'number') throw new ExpressionError(`arrays are indexed by number, not ${describeKey(key)}; use length() for the size`);
    if (!Number.isInteger(key)) throw new ExpressionError(`array index ${key} is not a whole number`);
    return key >= 0 && key < target.length ? ownData(target, String(key)) : null;
  }
  if (isPlainObject(target)) {
    if (typeof key !== 'string' && typeof key !== 'number') throw new ExpressionError(`object keys are strings, not ${typeName(key)}`);
    const name = String(key);
    if (FORBIDDEN_NAMES.has(name)) throw new ExpressionError(`'${name}' cannot be read in expressions`);
    return ownData(target, name);
  }
  throw new ExpressionError(`cannot read ${describeKey(key)} of ${withArticle(typeName(target))}`);
}

// A data property's value; an accessor is never invoked, so reading cannot run code.
function ownData(target: object, name: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(target, name);
  return descriptor && 'value' in descriptor ? (descriptor.value ?? null) : null;
}

function compare(op: string, left: unknown, right: unknown): boolean {
  if (op === '==') return deepEqual(left, right);
  if (op === '!=') return !deepEqual(left, right);
  const bothNumbers = typeof left === 'number' && typeof right === 'number';
  const bothStrings = typeof left === 'string' && typeof right === 'string';
  if (!bothNumbers && !bothStrings) {
    throw new ExpressionError(`'${op}' compares two numbers or two strings, not ${typeName(left)} and ${typeName(right)}`);
  }
  const l = left as number | string;
  const r = right as number | string;
  if (op === '<') return l < r;
  if (op === '<=') return l <= r;
  if (op === '>') return l > r;
  return l >= r;
}

function describeKey(key: unknown): string {
  return typeof key === 'string' ? `'${key}'` : typeof key === 'number' ? `[${key}]` : typeName(key);
}
