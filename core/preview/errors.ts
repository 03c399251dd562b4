import { QLayerError } from '../errors.ts';

/**
 * The run cannot be previewed (not finished, not a generated app). The code is `conflict` so
 * the API's one status table maps it to 409; `details.reason` is the stable, specific cause.
 */
export class PreviewUnavailableError extends QLayerError {
  constructor(runId: string, reason: 'run_not_completed' | 'not_a_generated_app' | 'artifact_missing', message: string) {
    super('conflict', message, { details: { runId, reason } });
  }
}

/** Installing, building or starting the app failed; `output` is the tail of what it printed. */
export class PreviewStartError extends QLayerError {
  readonly output: string;

  constructor(step: string, reason: string, output: string) {
    super('preview_start_failed', `preview ${step} failed: ${reason}`, { details: { step } });
    this.output = output;
  }
}
