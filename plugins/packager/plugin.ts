import { createHash } from 'node:crypto';
import { z } from 'zod';
import { FatalStepError, QLayerError } from '../../core/errors.ts';
import { definePlugin, defineStep } from '../../core/plugin/define.ts';
import { ArtifactStore } from '../../core/runner/artifacts.ts';
import { TEMPLATES_GENERATOR } from '../generator-templates/identity.ts';
import type { AppSpec } from '../parser/spec.ts';
import { manifestFiles } from '../reviser/manifest.ts';
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
        /** The spec and the generator step: written as qlayer.json and .qlayer/base.json so the project can be revised. */
        manifest: z.object({ spec: z.record(z.string(), z.unknown()), generator: z.string() }).nullish(),
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
          // The manifest hashes what the generator wrote, not the lockfile an install added.
          const generated = input.manifest ? [...input.files, ...manifestFiles(input.manifest.spec as AppSpec, generatorId(input.manifest.generator), input.files)] : input.files;
          const files =
            input.lockfile && !generated.some((f) => f.path === 'package-lock.json')
              ? [...generated, { path: 'package-lock.json', content: input.lockfile }]
              : generated;
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

/** `templates/generate` → the offline generator's name and version; other generators by plugin name. */
function generatorId(step: string): { name: string; version: string } {
  const name = step.split('/')[0] ?? step;
  return name === TEMPLATES_GENERATOR.name ? { ...TEMPLATES_GENERATOR } : { name, version: step.split('@')[1] ?? 'unspecified' };
}
