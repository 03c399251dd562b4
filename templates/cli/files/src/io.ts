export interface Io {
  stdin: AsyncIterable<Buffer | string>;
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Exit codes: 0 done, 1 the data or a file was wrong, 2 the command line was wrong. */
export const EXIT = { ok: 0, dataError: 1, usage: 2 } as const;

/** A mistake on the command line: reported with the usage hint and exit code 2. */
export class UsageError extends Error {}

/** Input that cannot be read or converted: reported with exit code 1. */
export class DataError extends Error {}

export async function readAll(stream: AsyncIterable<Buffer | string>): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
  return text;
}
