import ts from 'typescript';
import { baseName, lineColumn } from '../../project.ts';
import type { Finding } from '../../report.ts';
import { messageText, parseDiagnosticsOf, positionOf } from '../../typescript/source-files.ts';

/** Config files that their tools read as JSON with comments and trailing commas. */
const JSONC = /^(tsconfig(\..+)?|jsconfig(\..+)?)\.json$|^\.vscode\/.+\.json$/;

export function isJsonWithComments(path: string): boolean {
  return JSONC.test(baseName(path)) || JSONC.test(path);
}

/**
 * Strict JSON.parse for ordinary JSON (package.json is read by npm with exactly that), and
 * TypeScript's tolerant JSON parser for tsconfig-style files, which allow comments.
 */
export function jsonSyntaxFindings(path: string, text: string): Finding[] {
  if (isJsonWithComments(path)) {
    const source = ts.parseJsonText(path, text);
    return parseDiagnosticsOf(source).map((diagnostic) => ({
      check: 'syntax',
      severity: 'error',
      file: path,
      ...positionOf(source, diagnostic.start),
      message: messageText(diagnostic),
      rule: 'json-parse',
    }));
  }
  try {
    JSON.parse(text);
    return [];
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const at = /at position (\d+)/.exec(raw);
    const offset = at?.[1] !== undefined ? Number(at[1]) : text.length;
    // Newer Node versions append "(line x column y)"; drop it so messages match everywhere.
    const message = raw.replace(/\s*\(line \d+ column \d+\)$/, '');
    return [{ check: 'syntax', severity: 'error', file: path, ...lineColumn(text, offset), message, rule: 'json-parse' }];
  }
}
