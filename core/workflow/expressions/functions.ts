import { ExpressionError } from '../errors.ts';
import { deepEqual, isPlainObject, toText, typeName } from './values.ts';

export interface ExpressionFunction {
  minArgs: number;
  maxArgs: number;
  usage: string;
  call(args: readonly unknown[]): unknown;
}

// A cap on what `format` and `join` may build, so one expression cannot allocate without bound.
const MAX_RESULT_LENGTH = 1_000_000;

/** The functions expressions can call; a null-prototype record so `toString(…)` is unknown, not inherited. */
export const FUNCTIONS: Readonly<Record<string, ExpressionFunction>> = Object.assign(Object.create(null) as Record<string, ExpressionFunction>, {
  length: {
    minArgs: 1,
    maxArgs: 1,
    usage: 'length(text | list | object)',
    call([value]) {
      if (typeof value === 'string' || Array.isArray(value)) return value.length;
      if (isPlainObject(value)) return Object.keys(value).length;
      throw new ExpressionError(`length() needs a string, array or object, got ${typeName(value)}`);
    },
  },
  contains: {
    minArgs: 2,
    maxArgs: 2,
    usage: 'contains(text, part) or contains(list, item)',
    call([haystack, needle]) {
      if (typeof haystack === 'string') return haystack.includes(toText(needle));
      if (Array.isArray(haystack)) return haystack.some((item) => deepEqual(item, needle));
      throw new ExpressionError(`contains() needs a string or array first, got ${typeName(haystack)}`);
    },
  },
  startsWith: {
    minArgs: 2,
    maxArgs: 2,
    usage: 'startsWith(text, prefix)',
    call([text, prefix]) {
      return text === null || text === undefined ? false : requireString('startsWith', text).startsWith(toText(prefix));
    },
  },
  endsWith: {
    minArgs: 2,
    maxArgs: 2,
    usage: 'endsWith(text, suffix)',
    call([text, suffix]) {
      return text === null || text === undefined ? false : requireString('endsWith', text).endsWith(toText(suffix));
    },
  },
  join: {
    minArgs: 1,
    maxArgs: 2,
    usage: "join(list, separator = ',')",
    call([list, separator]) {
      if (typeof list === 'string') return list;
      if (!Array.isArray(list)) throw new ExpressionError(`join() needs an array, got ${typeName(list)}`);
      return bounded('join', list.map(toText).join(separator === undefined ? ',' : toText(separator)));
    },
  },
  toJSON: {
    minArgs: 1,
    maxArgs: 1,
    usage: 'toJSON(value)',
    call([value]) {
      return JSON.stringify(value ?? null);
    },
  },
  fromJSON: {
    minArgs: 1,
    maxArgs: 1,
    usage: 'fromJSON(text)',
    call([text]) {
      try {
        // JSON.parse defines `__proto__` as an own key, never as the prototype, so the result is plain data.
        return JSON.parse(requireString('fromJSON', text)) as unknown;
      } catch (error) {
        if (error instanceof ExpressionError) throw error;
        throw new ExpressionError(`fromJSON() got text that is not JSON: ${(error as Error).message}`);
      }
    },
  },
  format: {
    minArgs: 1,
    maxArgs: Infinity,
    usage: "format('{0} and {1}', a, b)",
    call([template, ...values]) {
      return bounded('format', format(requireString('format', template), values));
    },
  },
} satisfies Record<string, ExpressionFunction>);

/** `{0}` is the first value; `{{` and `}}` are literal braces. */
function format(template: string, values: readonly unknown[]): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const ch = template[i]!;
    const next = template[i + 1];
    if ((ch === '{' && next === '{') || (ch === '}' && next === '}')) {
      out += ch;
      i++;
    } else if (ch === '{') {
      const close = template.indexOf('}', i);
      const index = close === -1 ? NaN : Number(template.slice(i + 1, close));
      if (!Number.isInteger(index) || index < 0 || template.slice(i + 1, close).trim() === '') {
        throw new ExpressionError(`format() placeholder at ${i} must be {0}, {1}, …; write {{ for a literal brace`);
      }
      if (index >= values.length) throw new ExpressionError(`format() placeholder {${index}} has no value: ${values.length} given`);
      out += toText(values[index]);
      i = close;
    } else if (ch === '}') {
      throw new ExpressionError(`format() has a '}' at ${i} with no '{'; write }} for a literal brace`);
    } else {
      out += ch;
    }
  }
  return out;
}

function requireString(name: string, value: unknown): string {
  if (typeof value !== 'string') throw new ExpressionError(`${name}() needs a string, got ${typeName(value)}`);
  return value;
}

function bounded(name: string, text: string): string {
  if (text.length > MAX_RESULT_LENGTH) throw new ExpressionError(`${name}() result is longer than ${MAX_RESULT_LENGTH} characters`);
  return text;
}
