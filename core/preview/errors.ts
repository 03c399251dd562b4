import { QLayerError } from '../errors.ts';
import type { PreviewControl } from './types.ts';

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

/**
 * This server cannot run previews at all: they run generated apps as child processes, which the
 * Node entry provides and the runtime-neutral app (Deno's entry) does not. HTTP maps it to 501.
 */
export class PreviewsUnsupportedError extends QLayerError {
  constructor() {
    super('previews_unsupported', 'live previews are not available on this server: they run apps as child processes, which only the Node server (qlayer serve) provides');
  }
}

/** The server's previews, or the typed refusal of a runtime that has none. */
export function requirePreviews<P extends PreviewControl>(previews: P | undefined): P {
  if (!previews) throw new PreviewsUnsupportedError();
  return previews;
}
