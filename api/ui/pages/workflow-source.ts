import { html, type Html } from '../html.ts';

export interface SourceIssue {
  path: string;
  line?: number | undefined;
  column?: number | undefined;
  message: string;
}

/**
 * YAML with line numbers and, under each line that has problems, what is wrong there; lines
 * have ids (`src-L12`) that the issue list links to.
 */
export function annotatedSource(source: string, issues: readonly SourceIssue[], label: string): Html {
  const byLine = new Map<number, SourceIssue[]>();
  for (const issue of issues) {
    if (!issue.line) continue;
    byLine.set(issue.line, [...(byLine.get(issue.line) ?? []), issue]);
  }
  const lines = source.replace(/\n$/, '').split('\n');
  return html`<pre class="code annotated" tabindex="0" aria-label="${label}"><code>${lines.map((line, i) => {
    const here = byLine.get(i + 1) ?? [];
    return html`<span class="line${here.length > 0 ? ' has-issue' : ''}" id="src-L${i + 1}">${line}</span>\n${here.map(
      // A block of its own, so no newline after it: that would add an empty line.
      (issue) => html`<span class="issue-note">${' '.repeat(Math.max(0, (issue.column ?? 1) - 1))}^ ${issue.message}</span>`,
    )}`;
  })}</code></pre>`;
}

/** The problems as a list; each links to its line, and the editor script moves the cursor there. */
export function issueList(issues: readonly SourceIssue[]): Html {
  return html`<ol class="issues">${issues.map(
    (issue) =>
      html`<li>${
        issue.line
          ? html`<a href="#src-L${issue.line}" data-line="${issue.line}" data-column="${issue.column ?? 1}">Line ${issue.line}${issue.column ? `, column ${issue.column}` : ''}</a>: `
          : ''
      }${!issue.line && issue.path && issue.path !== '(root)' ? html`<code>${issue.path}</code> ` : ''}${issue.message}</li>`,
  )}</ol>`;
}
