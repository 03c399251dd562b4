import fc from 'fast-check';

/** Names that reach prototypes or code when a lookup is careless. */
export const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', '__lookupGetter__'];

/**
 * JSON data whose objects may carry `__proto__`, `constructor` and `prototype` as own keys, as
 * JSON.parse makes them (an object literal or a plain assignment would set the prototype instead).
 */
export const hostileJson: fc.Arbitrary<unknown> = fc
  .letrec<{ value: string }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.jsonValue({ maxDepth: 1 }).map((v) => JSON.stringify(v)),
      fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
      fc
        .array(fc.tuple(fc.oneof(fc.constantFrom(...DANGEROUS_KEYS), fc.string({ maxLength: 4 })), tie('value')), { maxLength: 4 })
        .map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
    ),
  }))
  .value.map((text) => JSON.parse(text) as unknown);

/** What must stay as it is however hostile the input: the shared prototypes and their keys. */
export function prototypeSnapshot(): string {
  const describe = (o: object) => Object.getOwnPropertyNames(o).sort().join(',');
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map(describe).join('|');
}

export function assertPrototypesUntouched(before: string): void {
  const after = prototypeSnapshot();
  if (after !== before) throw new Error(`a shared prototype changed:\n${before}\n${after}`);
  for (const probe of [{}, [], Object.create(Object.prototype) as object]) {
    for (const key of ['polluted', 'isAdmin', 'x', 'a']) {
      if (key in probe) throw new Error(`Object.prototype gained '${key}'`);
    }
  }
}

const INTRINSICS = new Set<unknown>([
  Object,
  Function,
  Array,
  String,
  Number,
  Promise,
  Reflect,
  globalThis,
  Object.prototype,
  Function.prototype,
  Array.prototype,
  String.prototype,
  eval,
]);

/**
 * Throws when `value` holds a function other than `allowed`, a built-in constructor or
 * prototype, or the global object anywhere inside it.
 */
export function assertNoCode(value: unknown, allowed: ReadonlySet<unknown> = new Set(), seen = new Set<unknown>()): void {
  if (INTRINSICS.has(value)) throw new Error('an expression result exposes a built-in constructor, prototype or the global object');
  if (typeof value === 'function' && !allowed.has(value)) throw new Error('an expression result is a function');
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (INTRINSICS.has(Object.getPrototypeOf(value)) && Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== Array.prototype) {
    throw new Error('an expression result is an instance of a built-in other than Object or Array');
  }
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) assertNoCode(descriptor.value, allowed, seen);
  }
}
