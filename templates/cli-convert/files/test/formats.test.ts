import { describe, expect, it } from 'vitest';
import { format, parse, splitDelimited, type Row } from '../src/formats.ts';
import { DataError } from '../src/io.ts';

describe('csv', () => {
  it('reads quotes, doubled quotes, delimiters and newlines inside quotes', () => {
    expect(splitDelimited('a,b\n"x, y","say ""hi"""\n"two\nlines",z\r\n', ',')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\nlines', 'z'],
    ]);
  });

  it('types numbers, booleans and empty cells unless asked not to', () => {
    const text = 'name,qty,price,ok,zip,note\nBread,2,3.5,true,007,\n';
    expect(parse('csv', text)).toEqual([{ name: 'Bread', qty: 2, price: 3.5, ok: true, zip: '007', note: null }]);
    expect(parse('csv', text, { infer: false })).toEqual([{ name: 'Bread', qty: '2', price: '3.5', ok: 'true', zip: '007', note: '' }]);
  });

  it('names columns itself when there is no header, and skips blank lines and a BOM', () => {
    expect(parse('csv', '\ufeffa,1\n\nb,2\n', { header: false })).toEqual([
      { column1: 'a', column2: 1 },
      { column1: 'b', column2: 2 },
    ]);
  });

  it('refuses rows wider than the header and unterminated quotes', () => {
    expect(() => parse('csv', 'a,b\n1,2,3\n')).toThrow(DataError);
    expect(() => parse('csv', 'a\n"open\n')).toThrow(/unterminated/);
  });

  it('writes values that need quoting with quotes', () => {
    expect(format('csv', [{ name: 'x, y', note: 'say "hi"', n: 1, empty: null }])).toBe('name,note,n,empty\n"x, y","say ""hi""",1,\n');
  });
});

describe('other formats', () => {
  it('reads JSON arrays, single objects and JSON lines', () => {
    expect(parse('json', '[{"a":1},{"a":2}]')).toEqual([{ a: 1 }, { a: 2 }]);
    expect(parse('json', '{"a":1}')).toEqual([{ a: 1 }]);
    expect(parse('jsonl', '{"a":1}\n\n{"a":2}\n')).toEqual([{ a: 1 }, { a: 2 }]);
    expect(() => parse('json', '[1,2]')).toThrow(/not an object/);
    expect(() => parse('jsonl', '{"a":1}\nnope')).toThrow(/line 2/);
  });

  it('writes tab-separated text, JSON lines and Markdown tables', () => {
    const rows: Row[] = [{ a: 1, b: 'x|y' }, { a: 2, c: true }];
    expect(format('tsv', rows)).toBe('a\tb\tc\n1\tx|y\t\n2\t\ttrue\n');
    expect(format('jsonl', rows)).toBe('{"a":1,"b":"x|y"}\n{"a":2,"c":true}\n');
    expect(format('markdown', rows)).toBe('| a | b | c |\n| --- | --- | --- |\n| 1 | x\\|y |  |\n| 2 |  | true |\n');
  });
});
