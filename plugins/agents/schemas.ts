import { z } from 'zod';
import { AppSpecSchema } from '../parser/spec.ts';

export const fileSchema = z.object({ path: z.string().min(1).max(200), content: z.string() });
export type ProjectFile = z.infer<typeof fileSchema>;

/** A unit of work for one coder: a named group of files with what they are for. */
export const moduleSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/),
  description: z.string(),
  paths: z.array(z.string().min(1)).min(1),
});
export type Module = z.infer<typeof moduleSchema>;

export const planSchema = z.object({
  kind: AppSpecSchema.shape.kind,
  modules: z.array(moduleSchema),
  /** Files the tester writes. */
  tests: moduleSchema.nullable(),
});
export type Plan = z.infer<typeof planSchema>;

/** What every generator plugin step takes: the spec and, optionally, the module to write. */
export const generatorInputSchema = z.object({ spec: AppSpecSchema, module: moduleSchema.optional() });
export const generatorOutputSchema = z.object({ files: z.array(fileSchema) });

export const findingSchema = z.object({
  severity: z.enum(['error', 'warning']),
  file: z.string().optional(),
  message: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;
