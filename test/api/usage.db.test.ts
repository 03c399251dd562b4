import { afterEach, describe, expect, it } from 'vitest';
import { recordUsage } from '../../core/llm/usage.ts';
import { defineWorkflow } from '../../core/runner/defineWorkflow.ts';
import { backend } from '../helpers/db.ts';
import { apiFixture, type ApiFixture } from './helpers.ts';

let fx: ApiFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const call = (model: string, promptTokens: number, completionTokens: number, costUsd: number | null) => ({
  provider: 'local',
  model,
  agent: 'coder',
  promptTokens,
  completionTokens,
  totalTokens: promptTokens + completionTokens,
  latencyMs: 100,
  costUsd,
  cached: false,
  estimated: false,
});

describe(`LLM usage through the API (${backend})`, () => {
  it('sums the calls recorded in a run, in total and per model', async () => {
    fx = await apiFixture();
    await fx.platform.runner.register(
      defineWorkflow({
        name: 'usage',
        steps: {
          a: { run: async (ctx) => void recordUsage(ctx, call('small', 100, 20, 0.002)) },
          b: {
            needs: ['a'],
            run: async (ctx) => {
              recordUsage(ctx, call('small', 50, 10, 0.001));
              recordUsage(ctx, call('large', 1000, 200, null));
            },
          },
        },
      }),
    );
    const { run } = await fx.platform.runner.start('usage', null);
    await fx.platform.runner.waitForRun(run.id);
    const response = await fetch(`${fx.url}/api/v1/runs/${run.id}/usage`);
    expect(response.status).toBe(200);
    const usage = (await response.json()) as Record<string, unknown> & { byModel: Record<string, { calls: number; promptTokens: number }> };
    expect(usage).toMatchObject({ calls: 3, promptTokens: 1150, completionTokens: 230, totalTokens: 1380, costUsd: 0.003, unpricedCalls: 1 });
    expect(usage.byModel['local/small']).toMatchObject({ calls: 2, promptTokens: 150 });
    expect(usage.byModel['local/large']).toMatchObject({ calls: 1, promptTokens: 1000 });
    const missing = await fetch(`${fx.url}/api/v1/runs/00000000-0000-4000-8000-000000000000/usage`);
    expect(missing.status).toBe(404);
  }, 60_000);
});
