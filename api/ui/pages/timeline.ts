import { statusBadge } from '../components.ts';
import { compactJson, durationBetween, formatDuration, formatOffset } from '../format.ts';
import { html, type Html } from '../html.ts';
import type { EventView, RunView, StepView } from '../views.ts';

const LIFECYCLE = new Set(['step.started', 'step.completed', 'step.failed', 'step.retrying', 'step.waiting', 'step.skipped', 'step.cancelled', 'step.lease_expired', 'step.released']);

interface EventData {
  attempt?: number;
  nextAttempt?: number;
  durationMs?: number;
  delayMs?: number;
  children?: number;
  reason?: string;
  error?: { code?: string; message?: string } | null;
  level?: string;
  message?: string;
  data?: unknown;
  percent?: number;
  text?: string;
}

const dataOf = (e: EventView) => (typeof e.data === 'object' && e.data !== null ? (e.data as EventData) : {});
const errorText = (error: EventData['error']) => (error?.message ? error.message : 'unknown error');

/** One line of a step's history in words; `resumed` when the step waited for children before this start. */
function historyLine(e: EventView, resumed: boolean): string | undefined {
  const d = dataOf(e);
  switch (e.type) {
    case 'step.started':
      return resumed ? 'Resumed: its child steps are done' : `Attempt ${d.attempt ?? '?'} started`;
    case 'step.completed':
      return d.durationMs === undefined ? 'Completed' : `Completed in ${formatDuration(d.durationMs)}`;
    case 'step.failed':
      return `Attempt ${d.attempt ?? '?'} failed: ${errorText(d.error)}`;
    case 'step.retrying':
      return `Attempt ${d.attempt ?? '?'} failed (${errorText(d.error)}); attempt ${d.nextAttempt ?? '?'} in ${formatDuration(d.delayMs ?? 0)}`;
    case 'step.waiting':
      return `Waiting for ${d.children ?? 'its'} child step${d.children === 1 ? '' : 's'}`;
    case 'step.skipped':
      return d.reason ? `Skipped: ${d.reason}` : 'Skipped';
    case 'step.cancelled':
      return 'Cancelled';
    case 'step.lease_expired':
      return `Its worker stopped answering; attempt ${d.nextAttempt ?? '?'} will run elsewhere`;
    case 'step.released':
      return 'Handed back by a worker that was shutting down';
    default:
      return undefined;
  }
}

const EVENTFUL = new Set(['step.retrying', 'step.waiting', 'step.lease_expired', 'step.released']);

/**
 * Whether the history says more than the badge and the error already do: retries, waits for
 * children and lost workers. One attempt that failed, or a step cancelled before it began, does not.
 */
function notable(history: EventView[]): boolean {
  return history.some((e) => EVENTFUL.has(e.type) || (e.type === 'step.started' && (dataOf(e).attempt ?? 1) > 1));
}

export function stepLabel(step: StepView): string {
  return step.kind === 'output' ? 'outputs' : step.key;
}

/** A step's status as people say it: a step that is ready to run has not started, it is queued. */
function statusWord(step: StepView): string {
  if (step.status === 'ready') return step.attempt > 1 ? 'retrying' : 'queued';
  return step.status;
}

/**
 * The part of a step the live script replaces on every refresh: everything but its log, which
 * the script appends to as events arrive.
 */
export function stepHead(step: StepView, history: EventView[]): Html {
  const started = step.startedAt !== null;
  const attempts = started && step.maxAttempts > 1 ? `attempt ${step.attempt} of ${step.maxAttempts}` : '';
  const duration = started ? durationBetween(step.startedAt, step.finishedAt) : '';
  return html`<div class="step-head">
<div class="step-title">${statusBadge(statusWord(step))} <span class="step-name">${stepLabel(step)}</span>${step.uses ? html` <span class="uses">${step.uses}</span>` : ''}</div>
<div class="step-meta">${attempts ? html`<span class="attempts">${attempts}</span>` : ''}${
    duration ? html` <span class="duration" data-started="${step.startedAt}"${step.finishedAt ? html` data-finished="${step.finishedAt}"` : ''}>${duration}</span>` : ''
  }</div>
${step.error && step.status !== 'completed' ? html`<p class="step-error">${step.error.message}</p>` : ''}
${notable(history) ? html`<ol class="history">${history.map((e, i) => html`<li>${historyLine(e, history[i - 1]?.type === 'step.waiting')}</li>`)}</ol>` : ''}
</div>`;
}

/** A log line; the live script builds the same markup for lines that arrive later. */
export function logLine(e: EventView, runStart: string): Html | undefined {
  const d = dataOf(e);
  const at = html`<time class="t" datetime="${e.at}">${formatOffset(e.at, runStart)}</time>`;
  if (e.type === 'log') {
    const level = typeof d.level === 'string' ? d.level : 'info';
    const extra = compactJson(d.data);
    return html`<li data-id="${e.id}" class="level-${level.replace(/[^a-z]/g, '')}">${at} <span class="level">${level}</span> <span class="msg">${d.message ?? ''}</span>${extra ? html` <code class="data">${extra}</code>` : ''}</li>`;
  }
  if (e.type === 'progress' && typeof d.message === 'string') {
    return html`<li data-id="${e.id}" class="level-progress">${at} <span class="level">progress</span> <span class="msg">${d.message}</span></li>`;
  }
  return undefined;
}

function stepLog(step: StepView, events: EventView[], runStart: string): Html {
  const lines = events.map((e) => logLine(e, runStart)).filter((l) => l !== undefined);
  const progress = events.filter((e) => e.type === 'progress');
  const percent = progress.map((e) => dataOf(e).percent).filter((p) => typeof p === 'number').at(-1);
  const text = progress.map((e) => (typeof dataOf(e).text === 'string' ? dataOf(e).text : '')).join('');
  // The newest event shown here: the live script skips events up to it, so a step first seen
  // in a refreshed page does not get its lines twice.
  const last = events.filter((e) => e.type === 'log' || e.type === 'progress').reduce((max, e) => Math.max(max, e.id), 0);
  return html`<div class="step-log" aria-live="off" data-last="${last}">
<ol class="log">${lines}</ol>
${percent !== undefined ? html`<progress max="100" value="${percent}" aria-label="${stepLabel(step)} progress">${percent}%</progress>` : ''}
${text ? html`<pre class="stream" tabindex="0" aria-label="Text streamed by ${stepLabel(step)}">${text}</pre>` : ''}
</div>`;
}

/**
 * The run's steps as a tree (spawned children under their parent), each with its status,
 * attempts, duration, error, history and log. `lastEventId` is where live updates resume.
 */
export function timeline(run: RunView, steps: StepView[], events: EventView[], lastEventId: number): Html {
  const byStep = new Map<string, EventView[]>();
  for (const e of events) {
    if (e.stepKey === null) continue;
    const list = byStep.get(e.stepKey) ?? [];
    list.push(e);
    byStep.set(e.stepKey, list);
  }
  const children = new Map<string | null, StepView[]>();
  for (const s of steps) {
    const list = children.get(s.parentKey) ?? [];
    list.push(s);
    children.set(s.parentKey, list);
  }
  const item = (step: StepView): Html => {
    const own = byStep.get(step.key) ?? [];
    const kids = children.get(step.key) ?? [];
    return html`<li class="step" data-key="${step.key}" data-status="${step.status}">
${stepHead(step, own.filter((e) => LIFECYCLE.has(e.type)))}
${stepLog(step, own, run.createdAt)}
<ol class="children">${kids.map(item)}</ol>
</li>`;
  };
  return html`<ol id="timeline" class="timeline" aria-live="polite" aria-relevant="additions text" data-run-id="${run.id}" data-run-status="${run.status}" data-run-started="${run.createdAt}" data-last-event="${lastEventId}">
${(children.get(null) ?? []).map(item)}
</ol>`;
}
