import { z } from 'zod';
import { definePlugin, defineStep } from '../../../core/plugin/define.ts';
import { compileWorkflow } from '../../../core/workflow/index.ts';
import type { PlatformFixture } from '../../helpers/platform.ts';

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    });
  });
}

/** Steps the built-in plugins do not have: streamed text with a failed first attempt, a long wait, an echo. */
export const uiTestPlugin = definePlugin({
  name: 'uitest',
  version: '1.0.0',
  description: 'Steps for the web UI tests.',
  steps: {
    stream: defineStep({
      description: 'Streams text in chunks, like an LLM; the first attempt can fail on purpose.',
      input: z.object({ chunks: z.array(z.string()), delayMs: z.number().int(), failFirst: z.boolean().default(false) }),
      output: z.object({ text: z.string() }),
      retry: { maxAttempts: 3, initialDelayMs: 300, maxDelayMs: 600 },
      async run(ctx, input) {
        ctx.log.info('writing', { chunks: input.chunks.length });
        if (input.failFirst && ctx.attempt === 1) throw new Error('the first attempt fails on purpose');
        for (const [i, chunk] of input.chunks.entries()) {
          ctx.progress({ text: chunk, percent: Math.round(((i + 1) / input.chunks.length) * 100) });
          await sleep(input.delayMs, ctx.signal);
        }
        ctx.log.warn('done <b>streaming</b>');
        return { text: input.chunks.join('') };
      },
    }),
    wait: defineStep({
      input: z.object({ ms: z.number().int() }),
      output: z.null(),
      async run(ctx, input) {
        await sleep(input.ms, ctx.signal);
        return null;
      },
    }),
    echo: defineStep({
      input: z.object({ prompt: z.string() }),
      output: z.object({ prompt: z.string() }),
      retry: { maxAttempts: 1 },
      async run(_ctx, input) {
        if (input.prompt.startsWith('fail')) throw new Error(`told to fail: ${input.prompt}`);
        return { prompt: input.prompt };
      },
    }),
  },
});

export const STREAM_WORKFLOW = `name: ui-stream
inputs:
  prompt: { type: string }
steps:
  - id: write
    uses: uitest/stream
    with:
      chunks: ['Hello', ', ', 'streamed', ' <world>']
      delayMs: 600
      failFirst: true
`;

export const WAIT_WORKFLOW = `name: ui-wait
inputs:
  prompt: { type: string }
steps:
  - id: wait
    uses: uitest/wait
    with: { ms: 120000 }
`;

export const ECHO_WORKFLOW = `name: ui-echo
inputs:
  prompt: { type: string }
steps:
  - id: echo
    uses: uitest/echo
    with: { prompt: '\${{ inputs.prompt }}' }
`;

/** Registers the test plugin and its workflows on a platform fixture (use as `uiServer({ prepare })`). */
export async function addUiTestWorkflows(fx: PlatformFixture): Promise<void> {
  const { registry, runner } = fx.platform;
  registry.register(uiTestPlugin, 'test');
  for (const source of [STREAM_WORKFLOW, WAIT_WORKFLOW, ECHO_WORKFLOW]) await runner.register(await compileWorkflow(source, { registry }));
}
