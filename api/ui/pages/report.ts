import { statusBadge } from '../components.ts';
import { formatDuration } from '../format.ts';
import { html, type Html } from '../html.ts';
import type { RunView, StepView } from '../views.ts';

interface Finding {
  check?: string;
  severity?: string;
  file?: string;
  line?: number;
  column?: number;
  message?: string;
  rule?: string;
  output?: string;
}
interface Check {
  name: string;
  status: string;
  durationMs?: number;
  summary?: string;
  findings?: Finding[];
}
interface Report {
  checks: Check[];
  score?: number;
  passed?: boolean;
}
interface Review {
  passed: boolean;
  findings: Finding[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isReport = (v: unknown): v is Report => isObject(v) && Array.isArray(v.checks) && v.checks.every((c) => isObject(c) && typeof c.name === 'string' && typeof c.status === 'string');
const isReview = (v: unknown): v is Review => isObject(v) && typeof v.passed === 'boolean' && Array.isArray(v.findings) && !('checks' in v);

/**
 * The validation report and the review: from the run's output, or, when the run failed after
 * they were made, from the steps that made them. Any workflow whose step returns the
 * validators' report shape gets the same table.
 */
export function findReport(run: RunView, steps: StepView[]): { report?: Report; review?: Review } {
  const out = isObject(run.output) ? run.output : {};
  const outputs = steps.filter((s) => s.status === 'completed' && s.kind === 'step').map((s) => s.output);
  const report = [out.validation, ...outputs].find(isReport);
  const review = [out.review, ...outputs].find(isReview);
  return { ...(report ? { report } : {}), ...(review ? { review } : {}) };
}

function where(f: Finding): string {
  if (!f.file) return '';
  return f.line ? `${f.file}:${f.line}${f.column ? `:${f.column}` : ''}` : f.file;
}

function findingItem(f: Finding): Html {
  const severity = f.severity === 'error' ? 'error' : 'warning';
  return html`<li class="finding severity-${severity}">${statusBadge(severity)} ${f.check ? html`<span class="check-name">${f.check}</span> ` : ''}${
    where(f) ? html`<code>${where(f)}</code> ` : ''
  }<span class="msg">${f.message ?? ''}</span>${f.rule ? html` <span class="muted">(${f.rule})</span>` : ''}${
    f.output ? html`<details><summary>Command output</summary><pre class="output" tabindex="0">${f.output}</pre></details>` : ''
  }</li>`;
}

function reportBody(report: Report): Html {
  const findings = report.checks.flatMap((c) => (c.findings ?? []).map((f) => ({ check: c.name, ...f })));
  return html`<p class="score">${report.score !== undefined ? html`Score <strong>${report.score}</strong> out of 100. ` : ''}${
    report.passed === undefined ? '' : report.passed ? 'Every check passed.' : 'Some checks failed.'
  }</p>
<table class="checks responsive">
<caption>Checks</caption>
<thead><tr><th scope="col">Check</th><th scope="col">Result</th><th scope="col">Findings</th><th scope="col">Time</th><th scope="col">Notes</th></tr></thead>
<tbody>${report.checks.map(
    (c) => html`<tr><th scope="row" data-label="Check">${c.name}</th><td data-label="Result">${statusBadge(c.status)}</td><td data-label="Findings">${(c.findings ?? []).length}</td><td data-label="Time">${
      c.durationMs === undefined ? '' : formatDuration(c.durationMs)
    }</td><td data-label="Notes">${c.summary ?? ''}</td></tr>`,
  )}</tbody>
</table>
${findings.length > 0 ? html`<h3>Findings</h3><ul class="findings">${findings.map(findingItem)}</ul>` : ''}`;
}

/** A region of its own, replaced when the live script refreshes the page. */
export function reportSection(found: { report?: Report; review?: Review }): Html {
  if (!found.report && !found.review) return html`<section id="report" data-region hidden></section>`;
  return html`<section id="report" data-region aria-labelledby="report-h">
<h2 id="report-h">Validation report</h2>
${found.report ? reportBody(found.report) : html`<p>The validators have not reported yet.</p>`}
${
  found.review
    ? html`<h3>Review</h3><p>${found.review.passed ? 'The reviewer passed the code.' : 'The reviewer found problems.'}${
        found.review.findings.length === 0 ? ' No findings.' : ''
      }</p>${found.review.findings.length > 0 ? html`<ul class="findings">${found.review.findings.map(findingItem)}</ul>` : ''}`
    : ''
}
</section>`;
}
