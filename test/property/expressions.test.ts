import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExpressionError, ExpressionSyntaxError } from '../../core/workflow/errors.ts';
import { evaluate, type ExpressionScope } from '../../core/workflow/expressions/evaluate.ts';
import { FUNCTIONS } from '../../core/workflow/expressions/functions.ts';
import { parseExpression } from '../../core/workflow/expressions/parser.ts';
import { evaluateValue, parseTemplate } from '../../core/workflow/expressions/template.ts';
import { assertNoCode, assertPrototypesUntouched, DANGEROUS_KEYS, hostileJson, prototypeSnapshot } from './hostile.ts';

const NAMES = ['inputs', 'steps', 'run', 'item', 'index', 'this', 'globalThis', 'process', 'Function', 'eval', ...DANGEROUS_KEYS];
const CALLS = [...Object.keys(FUNCTIONS), 'constructor', 'toString', 'eval', 'require', '__proto__'];
const LITERALS = ["'__proto__'", "'constructor'", "'prototype'", "'polluted'", "'a'", "''", '0', '-1', '0.5', '1e400', '99999999999999999999', 'true', 'null', 'NaN'];
const PUNCT = ['.', '[', ']', '(', ')', ',', '==', '!=', '<', '<=', '>', '>=', '&&', '||', '!', ' ', "'", '"', '\\', '`', '${{', '}}', '{', '}', '-', '+', '=', ';'];

/** Well-formed expressions that walk into dangerous names and call every function. */
const wellFormed: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...LITERALS),
    fc.tuple(fc.constantFrom('inputs', 'steps', 'run', 'item'), fc.array(fc.oneof(fc.constantFrom(...DANGEROUS_KEYS, 'a', 'output', 'list', '0'), fc.string({ maxLength: 3 })), { maxLength: 4 })).map(
      ([root, keys]) => root + keys.map((k) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `[${/^\d+$/.test(k) ? k : `'${k.replaceAll("'", "''")}'`}]`)).join(''),
    ),
    fc.tuple(tie('expr'), fc.constantFrom(...LITERALS, '0', '1')).map(([e, k]) => `(${e})[${k}]`),
    fc.tuple(fc.constantFrom(...CALLS), fc.array(tie('expr'), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.tuple(tie('expr'), fc.constantFrom('==', '!=', '<', '<=', '>', '>=', '&&', '||'), tie('expr')).map(([a, op, b]) => `${a} ${op} ${b}`),
    tie('expr').map((e) => `!(${e})`),
  ),
})).expr;

/** Token soup and raw text: mostly not expressions at all. */
const malformed: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...NAMES, ...LITERALS, ...PUNCT), fc.constantFrom(...CALLS).map((f) => `${f}(`)), { maxLength: 30 }).map((t) => t.join('')),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 80 }),
);

const expressionText = fc.oneof({ weight: 3, arbitrary: wellFormed }, { weight: 1, arbitrary: malformed });

/** A scope as the runner builds it: everything came out of JSON, so `__proto__` may be an own key. */
const scopeArb: fc.Arbitrary<ExpressionScope> = fc.record({ a: hostileJson, b: hostileJson, c: hostileJson }).map(({ a, b, c }) => ({
  inputs: JSON.parse(`{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"list":[1,2,3],"a":${JSON.stringify(a)}}`) as unknown,
  steps: { a: { status: 'completed', output: b }, output: c },
  run: { id: 'run-1', workflow: 'w', attempt: 1 },
  item: b,
  index: 0,
}));

function outcome(fn: () => unknown): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    return { ok: false, error };
  }
}

const RUNS = { numRuns: 3_000 };

describe('expression parser and evaluator on hostile input', () => {
  it('parsing either succeeds or throws ExpressionSyntaxError', () => {
    fc.assert(
      fc.property(expressionText, (text) => {
        const parsed = outcome(() => parseExpression(text));
        if (!parsed.ok) expect(parsed.error).toBeInstanceOf(ExpressionSyntaxError);
      }),
      RUNS,
    );
  });

  it('evaluation returns data or throws ExpressionError, leaves prototypes and scope alone, and never yields code', () => {
    const before = prototypeSnapshot();
    let evaluated = 0;
    let returned = 0;
    fc.assert(
      fc.property(expressionText, scopeArb, (text, scope) => {
        const parsed = outcome(() => parseExpression(text));
        if (!parsed.ok) return;
        evaluated++;
        const frozen = JSON.stringify(scope);
        const result = outcome(() => evaluate(parsed.value as Parameters<typeof evaluate>[0], scope));
        assertPrototypesUntouched(before);
        expect(JSON.stringify(scope)).toBe(frozen);
        if (!result.ok) {
          expect(result.error).toBeInstanceOf(ExpressionError);
          return;
        }
        returned++;
        assertNoCode(result.value);
      }),
      RUNS,
    );
    // The generator must reach the evaluator, or this property proves nothing.
    expect(evaluated).toBeGreaterThan(RUNS.numRuns / 4);
    expect(returned).toBeGreaterThan(RUNS.numRuns / 20);
  });

  it('templates: parseTemplate throws only ExpressionSyntaxError, evaluateValue only ExpressionError', () => {
    const before = prototypeSnapshot();
    const template = fc
      .array(fc.oneof(fc.string({ maxLength: 6 }), expressionText.map((e) => `\${{ ${e} }}`), fc.constantFrom('${{', '}}', "'")), { maxLength: 5 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(template, scopeArb, (text, scope) => {
        const parsed = outcome(() => parseTemplate(text));
        if (!parsed.ok) {
          expect(parsed.error).toBeInstanceOf(ExpressionSyntaxError);
          return;
        }
        const result = outcome(() => evaluateValue(parsed.value as ReturnType<typeof parseTemplate>, scope));
        assertPrototypesUntouched(before);
        if (!result.ok) expect(result.error).toBeInstanceOf(ExpressionError);
        else assertNoCode(result.value);
      }),
      { numRuns: 1_500 },
    );
  });

  it('member and index reads never run an accessor or a function held in the data', () => {
    let ran = 0;
    const trap = () => {
      ran++;
      return 'ran';
    };
    const traps: Record<string, unknown> = { fn: trap, list: [trap], nested: { fn: trap } };
    Object.defineProperty(traps, 'getter', { get: trap, enumerable: true });
    Object.defineProperty(traps.nested as object, 'getter', { get: trap, enumerable: true });
    const scope = { inputs: traps, steps: { a: { output: traps } } };
    const path = fc
      .tuple(
        fc.constantFrom('inputs', 'steps.a.output'),
        fc.array(fc.constantFrom('.fn', '.getter', '.nested', '.list', '[0]', "['getter']", "['fn']", '.call', '.apply', '.bind', '.name', '.length'), { maxLength: 5 }),
      )
      .map(([root, rest]) => root + rest.join(''));
    fc.assert(
      fc.property(path, (text) => {
        const result = outcome(() => evaluate(parseExpression(text), scope));
        if (!result.ok) expect(result.error).toBeInstanceOf(ExpressionError);
        else assertNoCode(result.value, new Set([trap]));
      }),
      { numRuns: 1_000 },
    );
    expect(ran).toBe(0);
  });
});

describe('the checks used above', () => {
  it('see a polluted prototype, a function and a built-in in a result', () => {
    const before = prototypeSnapshot();
    (Object.prototype as Record<string, unknown>).polluted = true;
    try {
      expect(() => assertPrototypesUntouched(before)).toThrow();
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
    assertPrototypesUntouched(before);
    expect(() => assertNoCode({ a: [1, { b: () => 1 }] })).toThrow(/function/);
    expect(() => assertNoCode([Object.prototype])).toThrow(/built-in/);
    expect(() => assertNoCode({ c: Function })).toThrow(/built-in/);
    expect(() => assertNoCode(JSON.parse('{"__proto__":{"x":[1,"2",null]}}'))).not.toThrow();
  });
});
