import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { refuseAuth, refuseRequest, type Refusal } from './contract/requestRules.ts';

/** One scripted answer to a chat completion request. */
export type Reply =
  | { kind: 'answer'; content: string; usage?: Tokens; model?: string; finishReason?: string; refusal?: string }
  | {
      kind: 'stream';
      chunks: string[];
      usage?: Tokens;
      model?: string;
      /** Send this many chunks, then nothing, keeping the connection open. */
      stallAfter?: number;
      /** Send this many chunks, then close the connection without finishing. */
      cutAfter?: number;
      /** The last chunk's finish_reason; `stop` by default. */
      finishReason?: string;
      /** Streamed as `delta.refusal` instead of content, the way OpenAI streams a refusal. */
      refusal?: string;
    }
  | { kind: 'status'; status: number; message?: string; headers?: Record<string, string>; body?: unknown }
  | { kind: 'raw'; status: number; body: string; contentType?: string }
  /** Accepts the request and never answers. */
  | { kind: 'hang' };

export interface Tokens {
  prompt: number;
  completion: number;
}

export interface RecordedRequest {
  method: string;
  /** Path with query string, e.g. `/v1/chat/completions`. */
  url: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown> | undefined;
  at: number;
}

export interface FakeOpenAi {
  /** Base URL for the openai client: `http://127.0.0.1:<port>/v1`. */
  readonly baseURL: string;
  readonly origin: string;
  readonly requests: RecordedRequest[];
  /** Chat completion requests only. */
  chats(): RecordedRequest[];
  /**
   * Requests refused by the contract rules (what the real API would have answered with 4xx),
   * with the request they answer. Tests assert this stays empty.
   */
  readonly refused: { request: RecordedRequest; refusal: Refusal }[];
  /** Queues answers for the next chat completion requests, in order. */
  script(...replies: Reply[]): void;
  /** Answer to `GET /models`; by default a list with `models`. */
  modelsReply: Reply | undefined;
  close(): Promise<void>;
}

export const answer = (content: string, usage: Tokens = { prompt: 11, completion: 7 }): Reply => ({ kind: 'answer', content, usage });
export const stream = (chunks: string[], usage: Tokens | undefined = { prompt: 5, completion: chunks.length }): Reply =>
  usage === undefined ? { kind: 'stream', chunks } : { kind: 'stream', chunks, usage };
export const status = (code: number, message = `status ${code}`, headers: Record<string, string> = {}): Reply => ({
  kind: 'status',
  status: code,
  message,
  headers,
});

/** OpenAI's 429: the error body, `retry-after` in seconds and the rate-limit headers. */
export const rateLimited = (seconds: number): Reply => ({
  kind: 'status',
  status: 429,
  headers: { 'retry-after': String(seconds), 'x-ratelimit-limit-requests': '500', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': `${seconds}s` },
  body: {
    error: { message: `Rate limit reached for requests. Please try again in ${seconds}s.`, type: 'requests', param: null, code: 'rate_limit_exceeded' },
  },
});

/** The `type` and `code` OpenAI's error bodies carry for a status. */
function errorKind(code: number): { type: string; code: string | null } {
  if (code === 429) return { type: 'requests', code: 'rate_limit_exceeded' };
  if (code === 401) return { type: 'invalid_request_error', code: 'invalid_api_key' };
  if (code === 404) return { type: 'invalid_request_error', code: 'model_not_found' };
  if (code >= 500) return { type: 'server_error', code: null };
  return { type: 'invalid_request_error', code: null };
}

/**
 * An OpenAI-compatible contract server on 127.0.0.1 for tests. Every chat completion request is
 * first held to the rules the real API documents (test/llm/contract: required fields, their
 * types, structured-output and strict-schema rules, a bearer token); one it would refuse gets
 * the API's error body and status, is listed in `refused`, and takes no scripted reply. Accepted
 * requests take the next scripted reply (a 500 saying so when none is left). Every request is
 * recorded. `lenient: true` turns the rules off, for tests of what the client does with a
 * server that accepts anything.
 */
export async function startFakeOpenAi(options: { models?: string[]; lenient?: boolean } = {}): Promise<FakeOpenAi> {
  const queue: Reply[] = [];
  const requests: RecordedRequest[] = [];
  const refused: FakeOpenAi['refused'] = [];
  const models = options.models ?? ['fake-model'];
  const fake: FakeOpenAi = {
    baseURL: '',
    origin: '',
    requests,
    refused,
    chats: () => requests.filter((r) => r.url.includes('/chat/completions')),
    script: (...replies) => void queue.push(...replies),
    modelsReply: undefined,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      let body: Record<string, unknown> | undefined;
      try {
        body = raw === '' ? undefined : (JSON.parse(raw) as Record<string, unknown>);
      } catch {
        body = undefined;
      }
      const request: RecordedRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body, at: Date.now() };
      requests.push(request);
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (req.method === 'GET' && path.endsWith('/models')) {
        const reply = fake.modelsReply;
        if (reply) return send(res, reply, body);
        return json(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' })) });
      }
      if (req.method === 'POST' && path.endsWith('/chat/completions')) {
        const refusal = options.lenient ? undefined : (refuseAuth(req.headers) ?? refuseRequest(raw === '' ? undefined : body, options.models ? { models: options.models } : {}));
        if (refusal) {
          refused.push({ request, refusal });
          return json(res, refusal.status, { error: refusal.error });
        }
        const reply = queue.shift() ?? { kind: 'status', status: 500, message: 'the fake server has no scripted reply left' };
        return send(res, reply, body);
      }
      return json(res, 404, { error: { message: `Invalid URL (${req.method} ${path})`, type: 'invalid_request_error', param: null, code: null } });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(fake, { origin: `http://127.0.0.1:${port}`, baseURL: `http://127.0.0.1:${port}/v1` });
  return fake;
}

async function send(res: ServerResponse, reply: Reply, body: Record<string, unknown> | undefined): Promise<void> {
  const model = typeof body?.model === 'string' ? body.model : 'fake-model';
  switch (reply.kind) {
    case 'hang':
      return;
    case 'raw':
      res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'application/json' });
      res.end(reply.body);
      return;
    case 'status':
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.body ?? { error: { message: reply.message ?? `status ${reply.status}`, param: null, ...errorKind(reply.status) } }));
      return;
    case 'answer':
      // The fields OpenAI sends today, including the ones clients must ignore.
      return json(res, 200, {
        id: `chatcmpl-${completionId()}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: reply.model ?? model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: reply.refusal ? null : reply.content, refusal: reply.refusal ?? null, annotations: [] },
            logprobs: null,
            finish_reason: reply.finishReason ?? 'stop',
          },
        ],
        service_tier: 'default',
        system_fingerprint: 'fp_fake0001',
        ...(reply.usage ? { usage: usageOf(reply.usage) } : {}),
      });
    case 'stream': {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      const id = `chatcmpl-${completionId()}`;
      const created = Math.floor(Date.now() / 1000);
      const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: reply.model ?? model, service_tier: 'default', system_fingerprint: 'fp_fake0001', choices, ...extra })}\n\n`;
      res.write(chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]));
      if (reply.refusal !== undefined) res.write(chunk([{ index: 0, delta: { content: null, refusal: reply.refusal }, finish_reason: null }]));
      for (const [i, text] of reply.chunks.entries()) {
        if (reply.stallAfter !== undefined && i >= reply.stallAfter) return;
        if (reply.cutAfter !== undefined && i >= reply.cutAfter) return void res.end();
        res.write(chunk([{ index: 0, delta: { content: text }, finish_reason: null }]));
        // Separate TCP writes, so the client really receives the text piece by piece.
        await new Promise((r) => setTimeout(r, 5));
      }
      res.write(chunk([{ index: 0, delta: {}, finish_reason: reply.finishReason ?? 'stop' }]));
      const wantsUsage = (body?.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
      // With include_usage, OpenAI sends `usage: null` on every chunk and the numbers on a last, choiceless one.
      if (wantsUsage && reply.usage) res.write(chunk([], { usage: usageOf(reply.usage) }));
      res.end('data: [DONE]\n\n');
      return;
    }
  }
}

function usageOf(t: Tokens) {
  return {
    prompt_tokens: t.prompt,
    completion_tokens: t.completion,
    total_tokens: t.prompt + t.completion,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

let completions = 0;
function completionId(): string {
  completions += 1;
  return `${Date.now().toString(36)}${completions.toString(36).padStart(6, '0')}`;
}

function json(res: ServerResponse, code: number, value: unknown): void {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}
