import type { z } from 'zod';
import type { StepContext } from '../runner/types.ts';
import type { UsageTotals } from './usage.ts';

export interface LlmMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * What `complete()` needs of a running step: durable memoization, progress events for streamed
 * text, the log for usage, and the abort signal. A StepContext is one.
 */
export type LlmContext = Pick<StepContext, 'runId' | 'step' | 'progress' | 'log' | 'signal'>;

export interface CompleteRequest {
  /** Route name (`coder`, `parser`…); agents without a route use `default`. */
  agent?: string;
  messages: readonly LlmMessage[];
  /** The answer must be JSON satisfying this schema; `value` is the parsed result. */
  schema?: z.ZodType;
  /** Name sent with the JSON Schema (`[A-Za-z0-9_-]{1,64}`). */
  schemaName?: string;
  /** Stream tokens as progress events (`{ text }`) on the run. */
  stream?: boolean;
  /** The calling step; without it nothing is memoized, recorded or streamed to the run. */
  ctx?: LlmContext;
  temperature?: number;
  maxTokens?: number;
  /**
   * Identical requests in a run are answered once. Vary `salt` to ask the same question again
   * on purpose (a second sample, a retry loop that keeps its prompt).
   */
  salt?: string;
  /** Also receives streamed text, for callers outside the runner (CLI). */
  onText?: (delta: string) => void;
  /** Used when there is no `ctx`. */
  signal?: AbortSignal;
}

export interface LlmResult<T> {
  /** The parsed, validated answer with a schema; the text without one. */
  value: T;
  text: string;
  provider: string;
  model: string;
  /**
   * Why the last call stopped, as the server said (`stop`, `length`…; null when it did not say).
   * A text answer with `length` was cut at the token limit; structured answers never are
   * (they fail with `llm_output_truncated`).
   */
  finishReason: string | null;
  /** Calls it took: 1, plus repair turns. */
  turns: number;
  /** Tokens and cost of those calls, whether paid now or by an earlier attempt. */
  usage: UsageTotals;
}

export interface LlmCompleter {
  complete<S extends z.ZodType>(request: CompleteRequest & { schema: S }): Promise<LlmResult<z.output<S>>>;
  complete(request: CompleteRequest): Promise<LlmResult<string>>;
}
