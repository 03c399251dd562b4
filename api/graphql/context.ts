import type { YogaInitialContext } from 'graphql-yoga';
import type { Principal } from '../auth.ts';
import type { ServedPreviews } from '../preview-origin.ts';
import type { ApiService } from '../service.ts';

/** What the HTTP layer hands each GraphQL operation. */
export interface ServerContext {
  principal: Principal;
  requestId: string;
}

export interface GraphQLContext extends ServerContext, YogaInitialContext {
  service: ApiService;
  shutdown: AbortSignal;
  heartbeatMs: number;
  /** Absent where the runtime cannot run previews; their fields then answer `previews_unsupported`. */
  previews: ServedPreviews | undefined;
}
