/**
 * The run page's timeline, live: events arrive over Server-Sent Events (EventSource resumes
 * after the last id by itself). Log lines and streamed text are appended as they come; status
 * changes re-fetch the page and patch each step's head and the other regions, so the words
 * and layout stay the server's. Each step log knows the last event the server rendered into
 * it, and the script remembers what it appended, so nothing appears twice however a refresh,
 * a reconnect and the stream interleave.
 */
import { announce, refreshRegions, type RegionsSwapped } from './regions.ts';
import { formatDuration } from '../format.ts';

const FINAL = new Set(['run.completed', 'run.failed', 'run.cancelled']);
/** A run event as the page's event stream sends it. */
interface LiveEvent {
  id: number;
  type: string;
  stepKey: string;
  at: string;
  data?: { level?: string; message?: unknown; data?: unknown; percent?: unknown; text?: unknown } | null;
}

const SPOKEN: Readonly<Record<string, string>> = { 'step.completed': 'completed', 'step.failed': 'failed', 'step.retrying': 'will be retried', 'step.skipped': 'was skipped', 'step.cancelled': 'was cancelled' };

function isLiveEvent(value: unknown): value is LiveEvent {
  if (typeof value !== 'object' || value === null) return false;
  const ev = value as Record<string, unknown>;
  return typeof ev.id === 'number' && typeof ev.type === 'string' && typeof ev.at === 'string' && typeof (ev.stepKey ?? '') === 'string';
}

export function followRun(timeline: HTMLElement): { refresh: () => Promise<void>; disconnect: () => void } {
  const runId = timeline.dataset.runId ?? '';
  let source: EventSource | null = null;
  let pending: LiveEvent[] = [];
  const seen = new Set<number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | null = null;
  let again = false;

  const stepEl = (key: string | undefined): HTMLElement | null =>
    key === undefined ? null : timeline.querySelector<HTMLElement>('li.step[data-key="' + CSS.escape(key) + '"]');

  function offset(at: string): string {
    const s = Math.max(0, (Date.parse(at) - Date.parse(timeline.dataset.runStarted ?? at)) / 1000);
    return '+' + s.toFixed(1) + ' s';
  }

  function line(ev: LiveEvent, level: string, message: string, data?: unknown): HTMLLIElement {
    const li = document.createElement('li');
    li.dataset.id = String(ev.id);
    li.className = 'level-' + String(level).replace(/[^a-z]/g, '');
    const t = document.createElement('time');
    t.className = 't';
    t.dateTime = ev.at;
    t.textContent = offset(ev.at);
    const lv = document.createElement('span');
    lv.className = 'level';
    lv.textContent = level;
    const msg = document.createElement('span');
    msg.className = 'msg';
    msg.textContent = message;
    li.append(t, ' ', lv, ' ', msg);
    if (data !== undefined && data !== null) {
      const code = document.createElement('code');
      code.className = 'data';
      let text = JSON.stringify(data);
      if (text.length > 300) text = text.slice(0, 299) + '\u2026';
      code.textContent = text;
      li.append(' ', code);
    }
    return li;
  }

  function appendToLog(ev: LiveEvent): void {
    const step = stepEl(ev.stepKey);
    const log = step?.querySelector<HTMLElement>(':scope > .step-log');
    if (!log) {
      pending.push(ev);
      scheduleRefresh();
      return;
    }
    // data-last covers what the server rendered; the set covers what arrived since, in any order.
    if (Number(log.dataset.last || 0) >= ev.id || seen.has(ev.id)) return;
    seen.add(ev.id);
    const d = ev.data ?? {};
    const list = log.querySelector(':scope > ol.log');
    if (ev.type === 'log') list?.append(line(ev, d.level ?? 'info', typeof d.message === 'string' ? d.message : '', d.data));
    if (ev.type !== 'progress') return;
    if (typeof d.message === 'string') list?.append(line(ev, 'progress', d.message));
    if (typeof d.percent === 'number') {
      let bar = log.querySelector<HTMLProgressElement>(':scope > progress');
      if (!bar) {
        bar = document.createElement('progress');
        bar.max = 100;
        bar.setAttribute('aria-label', ev.stepKey + ' progress');
        log.append(bar);
      }
      bar.value = d.percent;
      bar.textContent = d.percent + '%';
    }
    if (typeof d.text === 'string' && d.text !== '') {
      let pre = log.querySelector<HTMLPreElement>(':scope > pre.stream');
      if (!pre) {
        pre = document.createElement('pre');
        pre.className = 'stream';
        pre.tabIndex = 0;
        pre.setAttribute('aria-label', 'Text streamed by ' + ev.stepKey);
        log.append(pre);
      }
      // Follow the text as it grows unless the reader has scrolled up to read.
      const atBottom = pre.scrollHeight - pre.scrollTop - pre.clientHeight < 24;
      pre.append(d.text);
      if (atBottom) pre.scrollTop = pre.scrollHeight;
    }
  }

  function patchTimeline(doc: Document): void {
    const fresh = doc.getElementById('timeline');
    if (!fresh) return;
    timeline.dataset.runStatus = fresh.dataset.runStatus ?? '';
    for (const li of fresh.querySelectorAll<HTMLElement>('li.step')) {
      const local = stepEl(li.dataset.key);
      if (!local) {
        const parent = li.parentElement?.closest<HTMLElement>('li.step');
        const localParent = parent ? stepEl(parent.dataset.key) : null;
        const list = localParent ? localParent.querySelector(':scope > ol.children') : timeline;
        if (list) list.append(document.importNode(li, true));
        continue;
      }
      local.dataset.status = li.dataset.status ?? '';
      const head = li.querySelector(':scope > .step-head');
      const localHead = local.querySelector(':scope > .step-head');
      if (head && localHead && head.outerHTML !== localHead.outerHTML) localHead.replaceWith(document.importNode(head, true));
    }
    const queued = pending;
    pending = [];
    queued.forEach((ev) => { if (stepEl(ev.stepKey)) appendToLog(ev); });
  }

  async function refresh(): Promise<void> {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    inFlight = (async () => {
      try {
        const doc = await refreshRegions();
        if (doc) patchTimeline(doc);
      } catch {
        // The next event or the reconnect tries again.
      }
    })();
    await inFlight;
    inFlight = null;
    if (again) {
      again = false;
      scheduleRefresh();
    }
    connectIfRunning();
  }

  function scheduleRefresh(delay = 250): void {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), delay);
  }

  function onEvent(message: MessageEvent<string>): void {
    let ev: unknown;
    try {
      ev = JSON.parse(message.data);
    } catch {
      return;
    }
    if (!isLiveEvent(ev)) return;
    timeline.dataset.lastEvent = String(Math.max(ev.id, Number(timeline.dataset.lastEvent || 0)));
    if (ev.type === 'log' || ev.type === 'progress') {
      appendToLog(ev);
      return;
    }
    if (ev.type.startsWith('step.')) {
      const spoken = SPOKEN[ev.type];
      if (spoken !== undefined) announce('Step ' + ev.stepKey + ' ' + spoken + '.');
      scheduleRefresh();
    } else if (ev.type.startsWith('run.')) {
      if (FINAL.has(ev.type)) announce('The run ' + ev.type.slice(4) + '.');
      scheduleRefresh(0);
    }
  }

  function disconnect(): void {
    if (source) source.close();
    source = null;
  }

  function connectIfRunning(): void {
    if (source || timeline.dataset.runStatus !== 'running') return;
    source = new EventSource('/ui/runs/' + encodeURIComponent(runId) + '/events?after=' + encodeURIComponent(timeline.dataset.lastEvent || '0'));
    source.onmessage = onEvent;
    source.addEventListener('end', () => {
      disconnect();
      scheduleRefresh(0);
    });
    source.onerror = () => {
      // EventSource reconnects by itself unless the server said there is nothing more (204).
      if (source && source.readyState === EventSource.CLOSED) {
        disconnect();
        scheduleRefresh(1000);
      }
    };
  }

  // A retry or cancel sent from this page brings a fresh copy of it: patch the steps and resume.
  document.addEventListener('ql:regions', (e) => {
    patchTimeline((e as CustomEvent<RegionsSwapped>).detail.doc);
    connectIfRunning();
  });

  setInterval(() => {
    for (const el of timeline.querySelectorAll<HTMLElement>('.duration[data-started]:not([data-finished])')) {
      el.textContent = formatDuration(Date.now() - Date.parse(el.dataset.started ?? ''));
    }
  }, 1000);

  connectIfRunning();
  return { refresh, disconnect };
}
