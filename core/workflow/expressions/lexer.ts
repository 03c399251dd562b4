import { ExpressionSyntaxError } from '../errors.ts';

export type TokenKind = 'identifier' | 'number' | 'string' | 'punct' | 'end';

export interface Token {
  kind: TokenKind;
  /** Source text for identifiers and punctuation; decoded value for strings and numbers. */
  value: string | number;
  start: number;
  end: number;
}

/** Long enough for any real condition, short enough that a hostile file cannot make parsing slow. */
export const MAX_EXPRESSION_LENGTH = 4096;

// Longest first, so `<=` is not read as `<` then `=`.
const PUNCTUATION = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', '.', ','] as const;

const IDENTIFIER_START = /[A-Za-z_]/;
// Dashes are allowed inside names (`steps.build-app.output`) because the language has no subtraction.
const IDENTIFIER_PART = /[A-Za-z0-9_-]/;
const NUMBER = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/;

/** Splits an expression into tokens; the last token is always `end`. */
export function tokenize(text: string): Token[] {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionSyntaxError(`expression is ${text.length} characters long; the limit is ${MAX_EXPRESSION_LENGTH}`, 0);
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === "'") {
      i = readString(text, i, tokens);
      continue;
    }
    if (ch === '"') {
      throw new ExpressionSyntaxError(`strings use single quotes: write '…' instead of "…"`, i);
    }
    const number = /\d|\.|-/.test(ch) ? NUMBER.exec(text.slice(i)) : null;
    if (number && !(ch === '.' && tokens.length > 0 && isValueEnd(tokens[tokens.length - 1]!))) {
      const end = i + number[0].length;
      if (end < text.length && IDENTIFIER_PART.test(text[end]!)) {
        throw new ExpressionSyntaxError(`'${text.slice(i, end + 1)}' is not a number`, i);
      }
      tokens.push({ kind: 'number', value: Number(number[0]), start: i, end });
      i = end;
      continue;
    }
    if (IDENTIFIER_START.test(ch)) {
      let end = i + 1;
      while (end < text.length && IDENTIFIER_PART.test(text[end]!)) end++;
      tokens.push({ kind: 'identifier', value: text.slice(i, end), start: i, end });
      i = end;
      continue;
    }
    const punct = PUNCTUATION.find((p) => text.startsWith(p, i));
    if (punct) {
      tokens.push({ kind: 'punct', value: punct, start: i, end: i + punct.length });
      i += punct.length;
      continue;
    }
    throw new ExpressionSyntaxError(unexpectedCharacter(ch), i);
  }
  tokens.push({ kind: 'end', value: '', start: text.length, end: text.length });
  return tokens;
}

/** `''` inside a string is one quote, as in SQL and GitHub Actions. */
function readString(text: string, start: number, tokens: Token[]): number {
  let value = '';
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf("'", i);
    if (quote === -1) throw new ExpressionSyntaxError('string is not closed: add a single quote', start);
    value += text.slice(i, quote);
    if (text[quote + 1] === "'") {
      value += "'";
      i = quote + 2;
      continue;
    }
    tokens.push({ kind: 'string', value, start, end: quote + 1 });
    return quote + 1;
  }
}

// After a value, `.5` is property access gone wrong rather than a number; let the parser say so.
function isValueEnd(token: Token): boolean {
  return token.kind === 'identifier' || token.kind === 'string' || token.kind === 'number' || token.value === ')' || token.value === ']';
}

function unexpectedCharacter(ch: string): string {
  if (ch === '=') return `unexpected '=': compare with '=='`;
  if (ch === '&') return `unexpected '&': use '&&'`;
  if (ch === '|') return `unexpected '|': use '||'`;
  if (ch === '+' || ch === '-' || ch === '*' || ch === '/' || ch === '%') return `'${ch}' is not supported: expressions have no arithmetic`;
  return `unexpected character '${ch}'`;
}
