import { z } from 'zod';
import { generatedFileSchema } from '../project.ts';
import { checkNameSchema } from '../report.ts';

/** The checks that only read the files: pure CPU work, which is why they can run in another thread. */
export const STATIC_CHECK_NAMES = ['syntax', 'lint', 'security', 'types'] as const;
export const staticCheckNameSchema = checkNameSchema.extract(STATIC_CHECK_NAMES);
export type StaticCheckName = z.infer<typeof staticCheckNameSchema>;

/** One batch of static checks on one project; the results come back in the order asked. */
export const staticJobSchema = z.object({
  files: z.array(generatedFileSchema),
  checks: z.array(staticCheckNameSchema).min(1),
  knownPackages: z.array(z.string()),
  registry: z.object({ url: z.string(), timeoutMs: z.number().int().positive() }).nullable(),
});
export type StaticJob = z.infer<typeof staticJobSchema>;
