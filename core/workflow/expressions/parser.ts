import { ExpressionSyntaxError } from '../errors.ts';
import { closest, didYouMean } from '../suggest.ts';
import type { ComparisonOperator, ExprNode } from './ast.ts';
import { FUNCTIONS } from './functions.ts';
import { tokenize, type Token } from './lexer.ts';

/** Nesting bound, so a hostile `((((…` cannot exhaust the stack of the parser or evaluator. */
export const MAX_EXPRESSION_DEPTH = 32;

/**
 * Names that reach JavaScript internals; rejected wherever they appear as a property, so no
 * expression can even spell a path to a prototype or a constructor.
 */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses an expression (the text between `${{` and `}}`). Grammar, loosest first:
 *   or      := and ('||' and)*
 *   and     := compare ('&&' compare)*
 *   compare := unary (('==' | '!=' | '<' | '<=' | '>' | '>=') unary)?
 *   unary   := '!' unary | postfix
 *   postfix := primary ('.' name | '[' or ']')*
 *   primary := literal | name | name '(' args ')' | '(' or ')'
 */
export function parseExpression(text: string): ExprNode {
  const parser = new Parser(text, tokenize(text));
  const node = parser.or(0);
  parser.expectEnd();
  return node;
}

class Parser {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  or(depth: number): ExprNode {
    let left = this.and(depth);
    while (this.isPunct('||')) {
      this.pos++;
      const right = this.and(depth);
      left = { kind: 'logical', op: '||', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private and(depth: number): ExprNode {
    let left = this.compare(depth);
    while (this.isPunct('&&')) {
      this.pos++;
      const right = this.compare(depth);
      left = { kind: 'logical', op: '&&', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  // Comparisons do not chain: `a < b < c` would compare a boolean with `c`, which is never meant.
  private compare(depth: number): ExprNode {
    const left = this.unary(depth);
    const token = this.peek();
    if (token.kind === 'punct' && ['==', '!=', '<', '<=', '>', '>='].includes(token.value as string)) {
      this.pos++;
      const right = this.unary(depth);
      const next = this.peek();
      if (next.kind === 'punct' && ['==', '!=', '<', '<=', '>', '>='].includes(next.value as string)) {
        throw new ExpressionSyntaxError(`comparisons cannot be chained; combine them with '&&'`, next.start);
      }
      return { kind: 'compare', op: token.value as ComparisonOperator, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private unary(depth: number): ExprNode {
    const token = this.peek();
    if (token.kind === 'punct' && token.value === '!') {
      this.deeper(depth, token);
      this.pos++;
      const operand = this.unary(depth + 1);
      return { kind: 'not', operand, start: token.start, end: operand.end };
    }
    return this.postfix(depth);
  }

  private postfix(depth: number): ExprNode {
    let node = this.primary(depth);
    for (;;) {
      const token = this.peek();
      if (token.kind === 'punct' && token.value === '.') {
        this.pos++;
        const name = this.next();
        if (name.kind !== 'identifier') throw new ExpressionSyntaxError(`expected a property name after '.'`, name.start);
        this.checkName(name.value as string, name.start);
        node = { kind: 'member', object: node, name: name.value as string, nameStart: name.start, start: node.start, end: name.end };
      } else if (token.kind === 'punct' && token.value === '[') {
        this.deeper(depth, token);
        this.pos++;
        const index = this.or(depth + 1);
        if (index.kind === 'literal' && typeof index.value === 'string') this.checkName(index.value, index.start);
        const close = this.expect(']', `'[' at ${token.start + 1} is not closed: add ']'`);
        node = { kind: 'index', object: node, index, start: node.start, end: close.end };
      } else {
        return node;
      }
    }
  }

  private primary(depth: number): ExprNode {
    const token = this.next();
    switch (token.kind) {
      case 'number':
      case 'string':
        return { kind: 'literal', value: token.value, start: token.start, end: token.end };
      case 'identifier': {
        const name = token.value as string;
        if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true', start: token.start, end: token.end };
        if (name === 'null') return { kind: 'literal', value: null, start: token.start, end: token.end };
        if (this.isPunct('(')) return this.call(name, token, depth);
        this.checkName(name, token.start);
        return { kind: 'identifier', name, start: token.start, end: token.end };
      }
      case 'punct':
        if (token.value === '(') {
          this.deeper(depth, token);
          const inner = this.or(depth + 1);
          this.expect(')', `'(' at ${token.start + 1} is not closed: add ')'`);
          return inner;
        }
        throw new ExpressionSyntaxError(`unexpected '${token.value}'`, token.start);
      case 'end':
        throw new ExpressionSyntaxError(this.text.trim() === '' ? 'expression is empty' : 'expression ends too early', token.start);
    }
  }

  private call(name: string, token: Token, depth: number): ExprNode {
    const fn = FUNCTIONS[name];
    if (!fn || !Object.hasOwn(FUNCTIONS, name)) {
      throw new ExpressionSyntaxError(`unknown function '${name}'${didYouMean(closest(name, Object.keys(FUNCTIONS)))}`, token.start);
    }
    this.deeper(depth, token);
    this.pos++; // (
    const args: ExprNode[] = [];
    if (!this.isPunct(')')) {
      for (;;) {
        args.push(this.or(depth + 1));
        if (!this.isPunct(',')) break;
        this.pos++;
      }
    }
    const close = this.expect(')', `call of ${name} is not closed: add ')'`);
    if (args.length < fn.minArgs || args.length > fn.maxArgs) {
      const expected = fn.minArgs === fn.maxArgs ? `${fn.minArgs}` : fn.maxArgs === Infinity ? `at least ${fn.minArgs}` : `${fn.minArgs} to ${fn.maxArgs}`;
      throw new ExpressionSyntaxError(`${name}() takes ${expected} argument${expected === '1' ? '' : 's'}, got ${args.length}: ${fn.usage}`, token.start);
    }
    return { kind: 'call', name, args, start: token.start, end: close.end };
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'end') {
      const what = token.kind === 'string' ? `'${String(token.value)}'` : token.kind === 'number' ? String(token.value) : `'${String(token.value)}'`;
      throw new ExpressionSyntaxError(`unexpected ${what} after a complete expression${hint(this.text, token)}`, token.start);
    }
  }

  private checkName(name: string, offset: number): void {
    if (FORBIDDEN_NAMES.has(name)) throw new ExpressionSyntaxError(`'${name}' cannot be read in expressions`, offset);
  }

  private deeper(depth: number, token: Token): void {
    if (depth >= MAX_EXPRESSION_DEPTH) {
      throw new ExpressionSyntaxError(`expression is nested more than ${MAX_EXPRESSION_DEPTH} levels deep`, token.start);
    }
  }

  private expect(punct: string, message: string): Token {
    const token = this.peek();
    if (token.kind !== 'punct' || token.value !== punct) throw new ExpressionSyntaxError(message, token.start);
    this.pos++;
    return token;
  }

  private isPunct(value: string): boolean {
    const token = this.peek();
    return token.kind === 'punct' && token.value === value;
  }

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private next(): Token {
    const token = this.tokens[this.pos]!;
    if (token.kind !== 'end') this.pos++;
    return token;
  }
}

function hint(text: string, token: Token): string {
  if (token.kind === 'identifier' && ['and', 'or', 'not'].includes(String(token.value))) {
    return `; use ${token.value === 'and' ? "'&&'" : token.value === 'or' ? "'||'" : "'!'"}`;
  }
  if (token.kind === 'number' && text[token.start] === '-') return '; expressions have no arithmetic';
  return '';
}
