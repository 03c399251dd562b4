import type { ArtifactStore } from '../runner/artifacts.ts';
import type { Runner } from '../runner/runner.ts';
import { PreviewUnavailableError } from './errors.ts';
import { generatedOutputSchema, type PreviewProject } from './types.ts';

/** Where previews get a run's app from; tests can hand in their own. */
export type PreviewSource = (runId: string) => Promise<PreviewProject>;

/** Reads a finished generate-app run's output and its zip artifact. */
export function runSource(platform: { runner: Runner; artifacts: ArtifactStore }): PreviewSource {
  return async (runId) => {
    const run = await platform.runner.getRun(runId);
    if (run.status !== 'completed') {
      throw new PreviewUnavailableError(runId, 'run_not_completed', `run ${runId} is ${run.status}; only completed runs can be previewed`);
    }
    const parsed = generatedOutputSchema.safeParse(run.output);
    if (!parsed.success) {
      throw new PreviewUnavailableError(runId, 'not_a_generated_app', `run ${runId} did not generate an app (its output has no artifact and kind)`);
    }
    const artifact = await platform.artifacts.get(runId, parsed.data.artifact);
    if (!artifact) throw new PreviewUnavailableError(runId, 'artifact_missing', `run ${runId} has no artifact '${parsed.data.artifact}'`);
    return { kind: parsed.data.kind, name: parsed.data.name, zip: artifact.content };
  };
}
