/** Plain-language numbers for people: the same wording on every page. */

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s - m * 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** From ISO strings; `end` null means still going, measured up to `now`. */
export function durationBetween(start: string | null, end: string | null, now = Date.now()): string {
  if (start === null) return '';
  return formatDuration((end === null ? now : Date.parse(end)) - Date.parse(start));
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** `2025-01-02 13:04:05 UTC`: the server cannot know the reader's time zone, so it says which one it uses. */
export function formatTimestamp(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** Seconds since the run started, as the log shows them: `+1.2 s`. */
export function formatOffset(atIso: string, startIso: string): string {
  const s = Math.max(0, (Date.parse(atIso) - Date.parse(startIso)) / 1000);
  return `+${s.toFixed(1)} s`;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The prompt a run was started with, when its input has one. */
export function promptOf(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const prompt = (input as { prompt?: unknown }).prompt;
  return typeof prompt === 'string' ? prompt : undefined;
}

/** Compact JSON for log lines; `undefined` when there is nothing to show. */
export function compactJson(value: unknown, max = 300): string | undefined {
  if (value === undefined || value === null) return undefined;
  try {
    return truncate(JSON.stringify(value), max);
  } catch {
    return undefined;
  }
}
