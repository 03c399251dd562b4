import type { Context } from 'hono';
import type { Authenticator } from '../auth.ts';
import type { ServedPreviews } from '../preview-origin.ts';
import type { ApiPlatform, ApiService } from '../service.ts';

/** What the UI reads besides the API's platform: start-up warnings, shown on the health page. */
export type UiPlatform = ApiPlatform & { warnings?: readonly string[] };

/** Everything a UI route needs, built once by `mountUi`. */
export interface UiDeps {
  platform: UiPlatform;
  service: ApiService;
  auth: Authenticator;
  getClientAddress: (c: Context) => string | undefined;
  heartbeatMs: number;
  shutdown: AbortSignal;
  workerStaleMs: number;
  /** Absent where the runtime cannot run previews. */
  previews: ServedPreviews | undefined;
}

export interface UiEnv {
  Variables: {
    /** Set by the UI's guard: true for a visitor signed in with a key (loopback visitors need none). */
    signedIn: boolean;
  };
}
