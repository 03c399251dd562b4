import { lineColumn } from '../../project.ts';
import type { Finding } from '../../report.ts';

/** Brace balance, comments and strings: the CSS mistakes that silently drop every rule after them. */
export function cssSyntaxFindings(path: string, text: string): Finding[] {
  const findings: Finding[] = [];
  const report = (offset: number, rule: string, message: string): void => {
    findings.push({ check: 'syntax', severity: 'error', file: path, ...lineColumn(text, offset), message, rule });
  };
  const open: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      if (end === -1) {
        report(index, 'css-unclosed-comment', 'comment is never closed with */');
        return findings;
      }
      index = end + 1;
    } else if (char === '"' || char === "'") {
      const start = index;
      for (index++; index < text.length && text[index] !== char; index++) {
        if (text[index] === '\\') index++;
        else if (text[index] === '\n') break;
      }
      if (text[index] !== char) {
        report(start, 'css-unclosed-string', 'string is not closed on its line');
        return findings;
      }
    } else if (char === '{') {
      open.push(index);
    } else if (char === '}') {
      if (open.pop() === undefined) report(index, 'css-unbalanced-brace', "'}' closes no block");
    }
  }
  for (const offset of open) report(offset, 'css-unbalanced-brace', "'{' is never closed");
  return findings;
}
