import { z } from 'zod';
import { checkResultSchema } from '../report.ts';
import { staticJobSchema } from './job.ts';

/** What the calling thread posts to the check thread. */
export const jobMessageSchema = z.object({ id: z.number().int().nonnegative(), job: staticJobSchema });
export type JobMessage = z.infer<typeof jobMessageSchema>;

/** What the check thread posts back: once `ready` when loaded, then one reply per job. */
export const threadMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('done'), id: z.number().int().nonnegative(), results: z.array(checkResultSchema) }),
  /** The job did not parse; `id` is null when even that could not be read. */
  z.object({ type: z.literal('refused'), id: z.number().int().nonnegative().nullable(), message: z.string() }),
]);
export type ThreadMessage = z.infer<typeof threadMessageSchema>;
