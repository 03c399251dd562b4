import { parentPort } from 'node:worker_threads';
import { jobMessageSchema, type ThreadMessage } from './protocol.ts';
import { runStaticChecksHere } from './run-here.ts';

/**
 * The check thread's side: takes jobs from the calling thread, one at a time, and posts back the
 * results. Loaded through `entry.mjs`, which makes TypeScript importable first.
 */
const port = parentPort;
if (port === null) throw new Error('plugins/validators/static/thread.ts only runs in a worker thread');

const send = (message: ThreadMessage): void => port.postMessage(message);

port.on('message', (raw: unknown) => {
  const parsed = jobMessageSchema.safeParse(raw);
  if (!parsed.success) {
    const id = jobMessageSchema.shape.id.safeParse((raw as { id?: unknown } | null)?.id);
    send({ type: 'refused', id: id.success ? id.data : null, message: `malformed job: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
    return;
  }
  const { id, job } = parsed.data;
  runStaticChecksHere(job).then(
    (results) => send({ type: 'done', id, results }),
    // `timed` turns a failing check into a finding, so this is a fault of the thread itself.
    (error: unknown) => send({ type: 'refused', id, message: error instanceof Error ? error.message : String(error) }),
  );
});

send({ type: 'ready' });
