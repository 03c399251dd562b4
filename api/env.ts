import type { Principal } from './auth.ts';

/** What middleware leaves on the Hono context for the handlers after it. */
export interface ApiEnv {
  Variables: {
    requestId: string;
    clientAddress: string | undefined;
    principal: Principal | undefined;
    authError: unknown;
  };
  // Set by the runtime adapter (node.ts: the Node request; deno.ts: the connection info).
  Bindings: Record<string, unknown>;
}
