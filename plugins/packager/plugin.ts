import { createHash } from 'node:crypto';
import { z } from 'zod';
import { FatalStepError, QLayerError } from '../../core/errors.ts';
import { definePlugin, defineStep } from '../../core/plugin/define.ts';
import { ArtifactStore } from '../../core/runner/artifacts.ts';
import { packageProject } from './zip.ts';

const fileSchema = z.object({ path: z.string(), content: z.string() });

/**
 * `packager/zip`: the project as a zip, base64-encoded so the step output stays JSON. Packaging is
 * deterministic, so a retried step yields the same bytes and the same `sha256`.
 */
export default definePlugin({
  name: 'packager',
  version: '0.1.0',
  description: 'Deterministic zip packages of generated projects',
  steps: {
    zip: defineStep({
      description: 'Zip a generated project under one top-level folder',
      input: z.object({
        files: z.array(fileSchema).min(1),
        rootName: z.string(),
        /** A package-lock.json from a real install (the validators' runtime checks), added when the files have none. */
        lockfile: z.string().nullish(),
      }),
      // With an artifact store (inside the platform) the zip is stored with the run and the output
      // names it; without one (a bare registry) the bytes come back inline as base64.
      output: z.object({
        fileName: z.string(),
        size: z.number().int(),
        sha256: z.string(),
        artifact: z.string().optional(),
        base64: z.string().optional(),
      }),
      retry: { maxAttempts: 1 },
      async run(ctx, input) {
        let bytes: Uint8Array;
        try {
          const files =
            input.lockfile && !input.files.some((f) => f.path === 'package-lock.json')
              ? [...input.files, { path: 'package-lock.json', content: input.lockfile }]
              : input.files;
          bytes = packageProject(files, { rootName: input.rootName });
        } catch (error) {
          // Bad paths will be just as bad on the next attempt.
          if (!(error instanceof QLayerError)) throw error;
          const details = error.details === undefined ? {} : { details: error.details };
          throw new FatalStepError(error.message, { code: error.code, cause: error, ...details });
        }
        const fileName = `${input.rootName}.zip`;
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        const store = ctx.services.artifacts;
        if (store instanceof ArtifactStore) {
          await store.put(ctx.runId, fileName, bytes, 'application/zip');
          return { fileName, size: bytes.length, sha256, artifact: fileName };
        }
        return { fileName, size: bytes.length, sha256, base64: Buffer.from(bytes).toString('base64') };
      },
    }),
  },
});
