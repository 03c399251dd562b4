import { describe, expect, it } from 'vitest';
import { ExpressionError, ExpressionSyntaxError } from '../../core/workflow/errors.ts';
import { evaluate } from '../../core/workflow/expressions/evaluate.ts';
import { MAX_EXPRESSION_LENGTH, tokenize } from '../../core/workflow/expressions/lexer.ts';
import { MAX_EXPRESSION_DEPTH, parseExpression } from '../../core/workflow/expressions/parser.ts';

const scope = {
  inputs: { name: 'app', count: 3, flag: true, off: false, empty: '', zero: 0, list: ['a', 'b', 'c'], nested: { deep: { value: 42 } }, none: null },
  steps: {
    build: { status: 'completed', output: { path: '/out', files: [{ name: 'x.ts' }, { name: 'y.ts' }] } },
    skipped: { status: 'skipped', output: null },
  },
  run: { id: 'run-1', workflow: 'demo', attempt: 1 },
};

const run = (text: string, names: Record<string, unknown> = scope) => evaluate(parseExpression(text), names);

function syntaxError(text: string): ExpressionSyntaxError {
  try {
    parseExpression(text);
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected a syntax error for ${text}`);
}

function runtimeError(text: string, names: Record<string, unknown> = scope): ExpressionError {
  try {
    run(text, names);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected an evaluation error for ${text}`);
}

describe('literals', () => {
  it.each([
    ['42', 42],
    ['-1.5', -1.5],
    ['.5', 0.5],
    ['1e3', 1000],
    ["'text'", 'text'],
    ["'it''s'", "it's"],
    ["''", ''],
    ['true', true],
    ['false', false],
    ['null', null],
  ])('%s is %j', (text, value) => expect(run(text)).toEqual(value));
});

describe('property and index access', () => {
  it('reads nested data and keeps its type', () => {
    expect(run('inputs.count')).toBe(3);
    expect(run('inputs.list')).toEqual(['a', 'b', 'c']);
    expect(run('inputs.nested.deep.value')).toBe(42);
    expect(run("inputs['nested']['deep'].value")).toBe(42);
    expect(run('steps.build.output.files[1].name')).toBe('y.ts');
    expect(run('steps.build.status')).toBe('completed');
    expect(run('run.attempt')).toBe(1);
  });

  it('gives null for a missing key, a read through null and an index out of range', () => {
    expect(run('inputs.missing')).toBeNull();
    expect(run('inputs.missing.deeper.still')).toBeNull();
    expect(run('steps.skipped.output.path')).toBeNull();
    expect(run('inputs.list[3]')).toBeNull();
    expect(run('inputs.list[-1]')).toBeNull();
    expect(run('inputs.none')).toBeNull();
  });

  it('indexes with computed values', () => {
    expect(run('inputs.list[inputs.zero]')).toBe('a');
    expect(run("inputs[inputs.name == 'app' && 'count']")).toBe(3);
  });

  it('refuses reads that make no sense, with the reason', () => {
    expect(runtimeError("inputs.list['a']").message).toContain('arrays are indexed by number');
    expect(runtimeError('inputs.list.length').message).toContain('use length()');
    expect(runtimeError('inputs.list[1.5]').message).toContain('not a whole number');
    expect(runtimeError('inputs.name.length').message).toBe("cannot read 'length' of a string");
    expect(runtimeError('inputs.count[0]').message).toBe('cannot read [0] of a number');
    expect(runtimeError('inputs[inputs.list]').message).toContain('object keys are strings');
  });
});

describe('operators', () => {
  it('compares without type coercion and compares data structurally', () => {
    expect(run("inputs.name == 'app'")).toBe(true);
    expect(run("inputs.count == '3'")).toBe(false);
    expect(run('inputs.count != 4')).toBe(true);
    expect(run('inputs.none == null')).toBe(true);
    expect(run('inputs.missing == null')).toBe(true);
    expect(run("inputs.list == fromJSON('[\"a\",\"b\",\"c\"]')")).toBe(true);
    expect(run("inputs.nested == fromJSON('{\"deep\":{\"value\":42}}')")).toBe(true);
    expect(run("inputs.nested == fromJSON('{\"deep\":{\"value\":43}}')")).toBe(false);
  });

  it('orders numbers and strings, and only those', () => {
    expect(run('inputs.count < 4')).toBe(true);
    expect(run('inputs.count <= 3')).toBe(true);
    expect(run('inputs.count > 3')).toBe(false);
    expect(run('inputs.count >= 3')).toBe(true);
    expect(run("'apple' < 'banana'")).toBe(true);
    expect(runtimeError("inputs.count < '4'").message).toBe("'<' compares two numbers or two strings, not number and string");
    expect(runtimeError('inputs.none > 1').message).toContain('not null and number');
  });

  it('&& and || return an operand, so they give defaults', () => {
    expect(run("inputs.missing || 'fallback'")).toBe('fallback');
    expect(run("inputs.name || 'fallback'")).toBe('app');
    expect(run("inputs.flag && 'yes'")).toBe('yes');
    expect(run("inputs.off && 'yes'")).toBe(false);
    expect(run('inputs.zero || inputs.empty || null')).toBeNull();
  });

  it('short-circuits, so the right side is not evaluated', () => {
    expect(run("inputs.off && inputs.count < 'x'")).toBe(false);
    expect(run("inputs.flag || inputs.count < 'x'")).toBe(true);
  });

  it('! negates truthiness: false, null, 0 and empty text are false; empty lists are true', () => {
    expect(run('!inputs.off')).toBe(true);
    expect(run('!inputs.zero')).toBe(true);
    expect(run('!inputs.empty')).toBe(true);
    expect(run('!inputs.none')).toBe(true);
    expect(run("!fromJSON('[]')")).toBe(false);
    expect(run('!!inputs.name')).toBe(true);
  });

  it('binds ! tightest, then comparisons, then &&, then ||', () => {
    expect(run('!inputs.off == true')).toBe(true);
    expect(run('true || false && false')).toBe(true);
    expect(run('(true || false) && false')).toBe(false);
    expect(run('inputs.count > 1 && inputs.count < 5 || false')).toBe(true);
  });
});

describe('functions', () => {
  it('length counts characters, items and keys', () => {
    expect(run('length(inputs.name)')).toBe(3);
    expect(run('length(inputs.list)')).toBe(3);
    expect(run('length(inputs.nested)')).toBe(1);
    expect(runtimeError('length(inputs.count)').message).toBe('length() needs a string, array or object, got number');
  });

  it('contains looks in text and in lists', () => {
    expect(run("contains(inputs.name, 'pp')")).toBe(true);
    expect(run("contains(inputs.list, 'b')")).toBe(true);
    expect(run("contains(inputs.list, 'z')")).toBe(false);
    expect(run("contains(steps.build.output.files, fromJSON('{\"name\":\"x.ts\"}'))")).toBe(true);
    expect(runtimeError("contains(inputs.count, 'x')").message).toContain('needs a string or array');
  });

  it('startsWith and endsWith', () => {
    expect(run("startsWith(inputs.name, 'ap')")).toBe(true);
    expect(run("endsWith(inputs.name, 'pp')")).toBe(true);
    expect(run("startsWith(inputs.missing, 'a')")).toBe(false);
    expect(runtimeError("startsWith(inputs.list, 'a')").message).toBe('startsWith() needs a string, got array');
  });

  it('join joins with a separator, commas by default', () => {
    expect(run('join(inputs.list)')).toBe('a,b,c');
    expect(run("join(inputs.list, ' | ')")).toBe('a | b | c');
    expect(runtimeError('join(inputs.count)').message).toBe('join() needs an array, got number');
  });

  it('toJSON and fromJSON round-trip', () => {
    expect(run('toJSON(inputs.nested)')).toBe('{"deep":{"value":42}}');
    expect(run('toJSON(inputs.missing)')).toBe('null');
    expect(run('fromJSON(toJSON(inputs.list))')).toEqual(['a', 'b', 'c']);
    expect(runtimeError("fromJSON('{oops')").message).toContain('not JSON');
    expect(runtimeError('fromJSON(inputs.count)').message).toBe('fromJSON() needs a string, got number');
  });

  it("format fills {0}, {1}… and keeps {{ and }} as braces", () => {
    expect(run("format('{0} and {1}', inputs.name, inputs.count)")).toBe('app and 3');
    expect(run("format('{1}{0}{1}', 'a', 'b')")).toBe('bab');
    expect(run("format('{{0}} is {0}', inputs.list)")).toBe('{0} is ["a","b","c"]');
    expect(runtimeError("format('{2}', 'a')").message).toContain('{2} has no value');
    expect(runtimeError("format('{x}', 'a')").message).toContain('must be {0}, {1}');
    expect(runtimeError("format('a } b')").message).toContain("'}'");
  });

  it('checks function names and argument counts while parsing', () => {
    expect(syntaxError('lenght(inputs.list)').message).toBe("unknown function 'lenght'; did you mean 'length'?");
    expect(syntaxError('contains(inputs.list)').message).toContain('contains() takes 2 arguments, got 1');
    expect(syntaxError('join()').message).toContain('join() takes 1 to 2 arguments, got 0');
    expect(syntaxError('format()').message).toContain('format() takes at least 1 argument');
  });
});

describe('safety', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('rejects %s as a name, a property and a literal index', (name) => {
    expect(syntaxError(name).message).toBe(`'${name}' cannot be read in expressions`);
    expect(syntaxError(`inputs.${name}`).message).toBe(`'${name}' cannot be read in expressions`);
    expect(syntaxError(`inputs['${name}']`).message).toBe(`'${name}' cannot be read in expressions`);
    expect(syntaxError(`inputs.name.${name}`).offset).toBe(12);
  });

  it('rejects constructor.constructor, the classic route to Function', () => {
    expect(syntaxError('inputs.name.constructor.constructor').offset).toBe('inputs.name.'.length);
    expect(syntaxError("inputs['constructor']['constructor']('return process')()").message).toContain("'constructor' cannot be read");
  });

  it('rejects forbidden keys computed at run time', () => {
    const names = { ...scope, inputs: { key: '__proto__', ctor: 'constructor', obj: {} } };
    expect(runtimeError('inputs.obj[inputs.key]', names).message).toBe("'__proto__' cannot be read in expressions");
    expect(runtimeError('inputs.obj[inputs.ctor]', names).message).toBe("'constructor' cannot be read in expressions");
  });

  it('sees only own data: inherited methods read as null and cannot be called', () => {
    expect(run('inputs.toString')).toBeNull();
    expect(run('inputs.hasOwnProperty')).toBeNull();
    expect(run("inputs['valueOf']")).toBeNull();
    expect(syntaxError('toString(inputs)').message).toContain("unknown function 'toString'");
    expect(syntaxError('inputs.toString()').message).toContain("unexpected '('");
  });

  it('treats anything but plain objects and arrays as opaque', () => {
    class Secret {
      token = 'hidden';
    }
    const names = { inputs: { date: new Date(0), secret: new Secret(), map: new Map([['a', 1]]), fn: () => 'called' } };
    expect(runtimeError('inputs.date.getTime', names).message).toBe("cannot read 'getTime' of an unsupported value");
    expect(runtimeError('inputs.secret.token', names).message).toContain("cannot read 'token'");
    expect(runtimeError("inputs.map['a']", names).message).toContain("cannot read 'a'");
    expect(runtimeError('inputs.fn.name', names).message).toContain("cannot read 'name'");
  });

  it('never invokes getters', () => {
    let called = false;
    const data = Object.defineProperty({}, 'trap', { enumerable: true, get: () => ((called = true), 'value') });
    expect(run('inputs.trap', { inputs: data })).toBeNull();
    expect(called).toBe(false);
  });

  it('fromJSON keeps a __proto__ key as plain data and pollutes nothing', () => {
    const parsed = run('fromJSON(\'{"__proto__": {"polluted": true}, "a": 1}\')') as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(run('fromJSON(\'{"__proto__": {"polluted": true}, "a": 1}\').a')).toBe(1);
  });

  it('has no way to reach globals', () => {
    expect(runtimeError('process', { inputs: {} }).message).toBe("'process' is not available here");
    expect(runtimeError('globalThis', { inputs: {} }).message).toBe("'globalThis' is not available here");
    expect(runtimeError('this.x', { inputs: {} }).message).toBe("'this' is not available here");
  });

  it('bounds the length and the nesting of an expression', () => {
    expect(() => tokenize('1'.repeat(MAX_EXPRESSION_LENGTH))).not.toThrow();
    expect(syntaxError(`'${'a'.repeat(MAX_EXPRESSION_LENGTH)}'`).message).toContain(`the limit is ${MAX_EXPRESSION_LENGTH}`);
    const nested = (n: number) => `${'('.repeat(n)}1${')'.repeat(n)}`;
    expect(run(nested(MAX_EXPRESSION_DEPTH))).toBe(1);
    expect(syntaxError(nested(MAX_EXPRESSION_DEPTH + 1)).message).toContain(`more than ${MAX_EXPRESSION_DEPTH} levels`);
    expect(syntaxError(`${'!'.repeat(MAX_EXPRESSION_DEPTH + 1)}true`).message).toContain('levels');
    expect(syntaxError(`${'length('.repeat(MAX_EXPRESSION_DEPTH + 1)}'x'${')'.repeat(MAX_EXPRESSION_DEPTH + 1)}`).message).toContain('levels');
  });
});

describe('syntax errors', () => {
  it.each([
    ['', 'expression is empty', 0],
    ['inputs.', "expected a property name after '.'", 7],
    ['inputs.name ==', 'expression ends too early', 14],
    ['(inputs.name', "'(' at 1 is not closed: add ')'", 12],
    ['inputs[0', "'[' at 7 is not closed: add ']'", 8],
    ["'open", 'string is not closed', 0],
    ['"double"', 'strings use single quotes', 0],
    ['a = b', "unexpected '=': compare with '=='", 2],
    ['a & b', "use '&&'", 2],
    ['a | b', "use '||'", 2],
    ['1 + 2', 'no arithmetic', 2],
    ['inputs.a inputs.b', "unexpected 'inputs' after a complete expression", 9],
    ['a or b', "use '||'", 2],
    ['1 < 2 < 3', 'cannot be chained', 6],
    ['12abc', "'12a' is not a number", 0],
    ['inputs.list[0]]', "unexpected ']'", 14],
    ['@', "unexpected character '@'", 0],
  ])('%j: %s at offset %d', (text, message, offset) => {
    const error = syntaxError(text);
    expect(error.message).toContain(message);
    expect(error.offset).toBe(offset);
    expect(error.code).toBe('expression_syntax');
  });
});

describe('runtime errors', () => {
  it('are fatal step errors with a stable code', () => {
    const error = runtimeError('length(inputs.count)');
    expect(error.code).toBe('expression_failed');
    expect(error.retryable).toBe(false);
  });
});
