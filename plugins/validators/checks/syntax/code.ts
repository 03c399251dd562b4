import type ts from 'typescript';
import type { Finding } from '../../report.ts';
import { messageText, parseDiagnosticsOf, positionOf } from '../../typescript/source-files.ts';

/** Parse errors of a JavaScript or TypeScript file, with TypeScript's error code as the rule. */
export function codeSyntaxFindings(path: string, source: ts.SourceFile): Finding[] {
  return parseDiagnosticsOf(source).map((diagnostic) => ({
    check: 'syntax',
    severity: 'error',
    file: path,
    ...positionOf(source, diagnostic.start),
    message: messageText(diagnostic),
    rule: `TS${diagnostic.code}`,
  }));
}
