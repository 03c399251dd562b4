import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend } from '../helpers/db.ts';
import { apiFixture, type ApiFixture } from './helpers.ts';

let fx: ApiFixture;
beforeAll(async () => {
  fx = await apiFixture();
});
afterAll(async () => fx?.close());

interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
}

/** Reads a whole event stream (until the server ends it) with a plain fetch, as any client would. */
async function readStream(url: string, headers: Record<string, string> = {}, timeoutMs = 20_000): Promise<{ status: number; contentType: string | null; messages: SseMessage[] }> {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  const messages: SseMessage[] = [];
  if (!res.body) return { status: res.status, contentType: res.headers.get('Content-Type'), messages };
  const text = await res.text();
  for (const block of text.split('\n\n')) {
    if (block.trim() === '') continue;
    const message: SseMessage = {};
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) message.comment = line.slice(1).trim();
      const [field, ...rest] = line.split(':');
      const value = rest.join(':').replace(/^ /, '');
      if (field === 'id' || field === 'event' || field === 'data') message[field] = value;
    }
    messages.push(message);
  }
  return { status: res.status, contentType: res.headers.get('Content-Type'), messages };
}

async function startRun(input: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${fx.url}/api/v1/runs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ workflow: 'double-then-wait', input }) });
  return ((await res.json()) as { id: string }).id;
}

describe(`run events as Server-Sent Events (${backend})`, () => {
  it('streams history and live events with ids, heartbeats while quiet, and ends after the final event', async () => {
    const id = await startRun({ n: 5, ms: 2_500 });
    const { status, contentType, messages } = await readStream(`${fx.url}/api/v1/runs/${id}/events`);
    expect(status).toBe(200);
    expect(contentType).toContain('text/event-stream');
    const data = messages.filter((m) => m.data !== undefined && m.event === undefined);
    const events = data.map((m) => JSON.parse(m.data!) as { id: number; type: string; stepKey: string | null });
    // Each message's SSE id is its event's id.
    expect(data.map((m) => Number(m.id))).toEqual(events.map((e) => e.id));
    expect(events[0]!.type).toBe('run.started');
    expect(events.at(-1)!.type).toBe('run.completed');
    expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort((a, b) => a - b));
    expect(events.map((e) => `${e.stepKey}:${e.type}`)).toEqual(expect.arrayContaining(['double:step.completed', 'wait:step.started', 'wait:step.completed']));
    // The 2.5 s step leaves the stream quiet for longer than the 1 s heartbeat of the fixture.
    expect(messages.some((m) => m.comment === 'heartbeat')).toBe(true);
    expect(messages.at(-1)).toMatchObject({ event: 'end' });
    // The SSE ids are the stored history's ids.
    const stored = (await fx.platform.runner.getEvents(id)).map((e) => e.id).sort((a, b) => a - b);
    expect(events.map((e) => e.id)).toEqual(stored);
  });

  it('resumes after Last-Event-ID, and answers 204 once nothing is left', async () => {
    const id = await startRun({ n: 1 });
    await fx.platform.runner.waitForRun(id, { timeoutMs: 20_000 });
    // Sorted here: the runner's getEvents orders ids as text (see api/sql/runEvents.ts).
    const all = (await fx.platform.runner.getEvents(id)).sort((a, b) => a.id - b.id);
    expect(all.length).toBeGreaterThan(3);
    const cut = all[2]!.id;
    const resumed = await readStream(`${fx.url}/api/v1/runs/${id}/events`, { 'Last-Event-ID': String(cut) });
    expect(resumed.status).toBe(200);
    const ids = resumed.messages.filter((m) => m.id !== undefined).map((m) => Number(m.id));
    expect(ids).toEqual(all.slice(3).map((e) => e.id));
    // Last-Event-ID wins over ?after=, as EventSource sends it on reconnect.
    const both = await readStream(`${fx.url}/api/v1/runs/${id}/events?after=0`, { 'Last-Event-ID': String(cut) });
    expect(both.messages.filter((m) => m.id !== undefined).map((m) => Number(m.id))).toEqual(ids);
    const done = await readStream(`${fx.url}/api/v1/runs/${id}/events`, { 'Last-Event-ID': String(all.at(-1)!.id) });
    expect(done.status).toBe(204);
    const unknown = await fetch(`${fx.url}/api/v1/runs/${crypto.randomUUID()}/events`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('Content-Type')).toBe('application/problem+json');
  });

  it('ends the stream of a cancelled run after run.cancelled', async () => {
    const id = await startRun({ n: 1, ms: 30_000 });
    const reading = readStream(`${fx.url}/api/v1/runs/${id}/events`);
    await new Promise((r) => setTimeout(r, 300));
    await fetch(`${fx.url}/api/v1/runs/${id}/cancel`, { method: 'POST' });
    const { messages } = await reading;
    const types = messages.filter((m) => m.data !== undefined && m.event === undefined).map((m) => (JSON.parse(m.data!) as { type: string }).type);
    expect(types.at(-1)).toBe('run.cancelled');
    expect(messages.at(-1)).toMatchObject({ event: 'end' });
  });
});
