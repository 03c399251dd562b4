import { describe, expect, it } from 'vitest';
import { ExpressionSyntaxError } from '../../core/workflow/errors.ts';
import { compileValue, evaluateValue, expressionSites, parseTemplate } from '../../core/workflow/expressions/template.ts';

const scope = { inputs: { list: [1, 2], obj: { a: 1 }, n: 5, flag: false, none: null, text: 'hi' } };
const render = (text: string) => evaluateValue(parseTemplate(text), scope);

describe('a string that is exactly one expression keeps its type', () => {
  it.each([
    ['${{ inputs.list }}', [1, 2]],
    ['${{ inputs.obj }}', { a: 1 }],
    ['${{ inputs.n }}', 5],
    ['${{ inputs.flag }}', false],
    ['${{ inputs.none }}', null],
    ['${{inputs.text}}', 'hi'],
    ['  ${{ inputs.n }}\n', 5],
  ])('%j', (text, value) => {
    expect(parseTemplate(text).kind).toBe('expression');
    expect(render(text)).toEqual(value);
  });
});

describe('expressions inside longer text are interpolated', () => {
  it.each([
    ['n=${{ inputs.n }}', 'n=5'],
    ['${{ inputs.text }}, ${{ inputs.text }}!', 'hi, hi!'],
    ['list: ${{ inputs.list }}', 'list: [1,2]'],
    ['obj: ${{ inputs.obj }}', 'obj: {"a":1}'],
    ['none: [${{ inputs.none }}]', 'none: []'],
    ['flag: ${{ inputs.flag }}', 'flag: false'],
  ])('%j becomes %j', (text, value) => {
    expect(parseTemplate(text).kind).toBe('interpolation');
    expect(render(text)).toBe(value);
  });

  it('leaves text without expressions alone, braces and dollars included', () => {
    expect(parseTemplate('plain {{ text }} $ {')).toEqual({ kind: 'static', value: 'plain {{ text }} $ {' });
  });

  it("writes a literal ${{ through a string expression, and }} inside quotes does not close", () => {
    expect(render("echo ${{ '${{ github.sha }}' }}")).toBe('echo ${{ github.sha }}');
    expect(render("${{ '}}' }}")).toBe('}}');
    expect(render("a ${{ 'it''s }}' }} b")).toBe("a it's }} b");
  });
});

describe('template errors carry the offset in the string', () => {
  const error = (text: string) => {
    try {
      parseTemplate(text);
    } catch (e) {
      if (e instanceof ExpressionSyntaxError) return e;
    }
    throw new Error('no error');
  };

  it('points at an unclosed ${{', () => {
    expect(error('ab ${{ inputs.n').offset).toBe(3);
    expect(error('ab ${{ inputs.n').message).toContain("'${{' is not closed");
  });

  it('points inside the expression for syntax errors', () => {
    const e = error('x ${{ inputs.n == }}');
    expect(e.message).toBe('expression ends too early');
    expect(e.offset).toBe('x ${{ inputs.n == '.length);
  });

  it('names an unclosed quote rather than the hidden }}', () => {
    const e = error("x ${{ 'open }}");
    expect(e.message).toContain('string is not closed');
    expect(e.offset).toBe(6);
  });
});

describe('YAML values', () => {
  it('compiles nested data, keeping static parts static', () => {
    const template = compileValue({ a: 1, b: ['x', '${{ inputs.n }}'], c: { d: 'n=${{ inputs.n }}' } }, () => {});
    expect(template.kind).toBe('object');
    expect(evaluateValue(template, scope)).toEqual({ a: 1, b: ['x', 5], c: { d: 'n=5' } });
    expect(compileValue({ a: [1, { b: 'text' }] }, () => {}).kind).toBe('static');
  });

  it('lists every expression with its path', () => {
    const template = compileValue({ a: '${{ inputs.n }}', b: [1, 'x ${{ inputs.text }} ${{ inputs.n }}'] }, () => {});
    expect(expressionSites(template).map((s) => [s.path, s.expression.source.trim(), s.expression.offset])).toEqual([
      [['a'], 'inputs.n', 3],
      [['b', 1], 'inputs.text', 5],
      [['b', 1], 'inputs.n', 24],
    ]);
  });

  it('reports each bad string with its path and keeps going', () => {
    const errors: unknown[] = [];
    compileValue({ a: '${{ = }}', b: ['ok', '${{ ('] }, (path, e) => errors.push([path, e.offset]));
    expect(errors).toEqual([
      [['a'], 4],
      [['b', 1], 0],
    ]);
  });

  it('hands each evaluation its own copy of static data', () => {
    const template = compileValue({ list: [1, 2] }, () => {});
    const first = evaluateValue(template, scope) as { list: number[] };
    first.list.push(3);
    expect(evaluateValue(template, scope)).toEqual({ list: [1, 2] });
  });

  it('keeps a __proto__ key as an own key of the built object', () => {
    const built = evaluateValue(compileValue(JSON.parse('{"__proto__": "${{ inputs.n }}", "x": "${{ inputs.n }}"}'), () => {}), scope) as Record<string, unknown>;
    expect(Object.getPrototypeOf(built)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(built, '__proto__')?.value).toBe(5);
  });
});
