import { z } from 'zod';

/** A file of a generated project, as a generator produces it: POSIX relative path and text. */
export const generatedFileSchema = z.object({ path: z.string().min(1), content: z.string() });
export type GeneratedFile = z.infer<typeof generatedFileSchema>;

export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Installed or built output that a generator should not have produced and no check should read. */
export function isVendoredOrBuilt(path: string): boolean {
  return /(^|\/)(node_modules|dist|build|coverage|\.next|\.git)\//.test(path);
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: end - lineStart + 1 };
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
