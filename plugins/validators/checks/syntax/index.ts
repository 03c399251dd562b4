import { extensionOf, isVendoredOrBuilt, plural } from '../../project.ts';
import type { Finding } from '../../report.ts';
import type { CheckOutcome, StaticContext } from '../outcome.ts';
import { unsafePathFindings } from '../paths.ts';
import { codeSyntaxFindings } from './code.ts';
import { cssSyntaxFindings } from './css.ts';
import { htmlSyntaxFindings } from './html.ts';
import { jsonSyntaxFindings } from './json.ts';

/**
 * Every code, JSON, HTML and CSS file parses, and every path is safe to write; findings carry
 * file, line and column.
 */
export function checkSyntax(context: StaticContext): CheckOutcome {
  const findings: Finding[] = unsafePathFindings(context.files);
  let checked = 0;
  for (const file of context.files) {
    if (isVendoredOrBuilt(file.path)) continue;
    const source = context.sources.get(file);
    const extension = extensionOf(file.path);
    if (source !== undefined) findings.push(...codeSyntaxFindings(file.path, source));
    else if (extension === '.json') findings.push(...jsonSyntaxFindings(file.path, file.content));
    else if (extension === '.html' || extension === '.htm') findings.push(...htmlSyntaxFindings(file.path, file.content));
    else if (extension === '.css') findings.push(...cssSyntaxFindings(file.path, file.content));
    else continue;
    checked++;
  }
  return { findings, summary: `${plural(checked, 'file')} parsed` };
}
