import type { Finding } from '../report.ts';

/** File (by code point, so the order is the same in every locale), then line, then column. */
export function byPosition(a: Finding, b: Finding): number {
  const fileA = a.file ?? '';
  const fileB = b.file ?? '';
  if (fileA !== fileB) return fileA < fileB ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
