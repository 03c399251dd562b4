import { z } from 'zod';
import type { ApiSummary } from './api-summary.ts';

export const APP_KINDS = ['react-spa', 'rest-api', 'fullstack', 'cli', 'static-site'] as const;
export type PreviewKind = (typeof APP_KINDS)[number];

export type PreviewStatus = 'starting' | 'running' | 'failed' | 'stopped';

/** What clients see of a preview. */
export interface PreviewInfo {
  runId: string;
  status: PreviewStatus;
  kind: PreviewKind;
  /** Path on this server, e.g. `/preview/<id>/`; the API makes it absolute. */
  path: string;
  /** Why it failed (with the app's output tail), or a CLI's `--help` text. */
  output?: string;
  /** A running API's endpoints, from its OpenAPI document (absent when it serves none). */
  api?: ApiSummary;
}

/**
 * What the API and the UI need of previews. \`PreviewManager\` is one; only runtimes that can run
 * child processes (the Node entry) supply it, so code that takes one must expect none.
 */
export interface PreviewControl {
  /** Starts the run's preview, or returns the one starting or running. */
  start(runId: string): Promise<PreviewInfo>;
  /** Undefined when none was started since the server started. */
  get(runId: string): PreviewInfo | undefined;
  /** Undefined when there is none to stop. */
  stop(runId: string): Promise<PreviewInfo | undefined>;
}

/** How the proxy answers for a running preview. */
export type PreviewTarget =
  | { type: 'static'; dir: string; spaFallback: boolean }
  /** The app's server, reached through the Unix socket its sandbox's bridge serves. */
  | { type: 'server'; socket: string }
  | { type: 'text'; text: string };

export interface PreviewSettings {
  maxRunning: number;
  idleTimeoutMs: number;
  startTimeoutMs: number;
  memoryMb?: number | undefined;
}

/** The part of a finished generate-app run a preview needs; checked because run outputs are untyped JSON. */
export const generatedOutputSchema = z.object({
  artifact: z.string().min(1),
  kind: z.enum(APP_KINDS),
  name: z.string().min(1),
});

/** A generated app, unpacked from its zip artifact elsewhere. */
export interface PreviewProject {
  kind: PreviewKind;
  name: string;
  zip: Uint8Array;
}

export const previewPrefix = (runId: string): string => `/preview/${runId}/`;
