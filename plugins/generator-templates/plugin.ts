import { definePlugin, defineStep } from '../../core/plugin/define.ts';
import { generatorInputSchema, generatorOutputSchema } from '../agents/schemas.ts';
import { generateApp } from './generate.ts';
import { TEMPLATES_GENERATOR } from './identity.ts';

/**
 * `templates/generate`: the offline generator. Given a module it returns only that module's
 * files, so coders spawned per module share the work; without one it returns the project.
 */
export default definePlugin({
  ...TEMPLATES_GENERATOR,
  description: 'Offline generator: complete projects from templates, driven by the spec',
  steps: {
    generate: defineStep({
      description: 'Render the files of a spec (or of one module of it) from templates',
      input: generatorInputSchema,
      output: generatorOutputSchema,
      retry: { maxAttempts: 1 },
      async run(_ctx, input) {
        const files = generateApp(input.spec);
        if (!input.module) return { files };
        const wanted = new Set(input.module.paths);
        return { files: files.filter((f) => wanted.has(f.path)) };
      },
    }),
  },
});
