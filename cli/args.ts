import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with errors that say what was wrong and point at --help. */
export function parse<O extends Options>(argv: readonly string[], options: O, command: string) {
  try {
    return parseArgs({ args: [...argv], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error);
    throw new UsageError(`${message} (see 'qlayer ${command} --help')`);
  }
}

/** `k=v` pairs to an object; values that parse as JSON keep their type (`n=3`, `flag=true`). */
export function parseInputs(pairs: readonly string[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--input expects key=value, got '${pair}'`);
    const key = pair.slice(0, eq);
    const raw = pair.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // Not JSON: keep it as the string the user typed.
    }
    input[key] = value;
  }
  return input;
}
