import { strictSchemaProblems } from './strictRules.ts';

/** OpenAI's error body: every 4xx and 5xx of the API carries exactly these four fields. */
export interface ApiError {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

export interface Refusal {
  status: number;
  error: ApiError;
}

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool']);
const KNOWN = new Set([
  'model', 'messages', 'response_format', 'stream', 'stream_options', 'temperature', 'top_p', 'max_tokens', 'max_completion_tokens',
  'n', 'stop', 'seed', 'user', 'tools', 'tool_choice', 'parallel_tool_calls', 'presence_penalty', 'frequency_penalty', 'logprobs',
  'top_logprobs', 'logit_bias', 'metadata', 'store', 'reasoning_effort', 'service_tier', 'modalities', 'prediction', 'audio',
]);
const NAME = /^[a-zA-Z0-9_-]{1,64}$/;

const invalid = (message: string, param: string | null, code: string | null = null): Refusal => ({
  status: 400,
  error: { message, type: 'invalid_request_error', param, code },
});

/**
 * How the Chat Completions API answers a request it refuses, or undefined when it would take it:
 * the required fields, their types, the structured-output rules (with the strict-mode schema
 * rules when `strict: true`), and the model list when one is known.
 */
export function refuseRequest(body: unknown, options: { models?: readonly string[] } = {}): Refusal | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return invalid('We could not parse the JSON body of your request.', null);
  }
  const b = body as Record<string, unknown>;
  for (const key of Object.keys(b)) if (!KNOWN.has(key)) return invalid(`Unrecognized request argument supplied: ${key}`, null);
  if (typeof b.model !== 'string' || b.model === '') return invalid('you must provide a model parameter', null);
  if (!Array.isArray(b.messages) || b.messages.length === 0) {
    return invalid("Invalid 'messages': empty array. Expected an array with minimum length 1.", 'messages', 'empty_array');
  }
  for (const [i, m] of b.messages.entries()) {
    const message = m as Record<string, unknown> | null;
    if (typeof message !== 'object' || message === null || !ROLES.has(String(message.role))) {
      return invalid(`Invalid value for 'messages[${i}].role'.`, `messages[${i}].role`, 'invalid_value');
    }
    if (typeof message.content !== 'string' && !Array.isArray(message.content)) {
      return invalid(`Invalid type for 'messages[${i}].content': expected a string or an array.`, `messages[${i}].content`, 'invalid_type');
    }
  }
  if (b.temperature !== undefined && !(typeof b.temperature === 'number' && b.temperature >= 0 && b.temperature <= 2)) {
    return invalid("Invalid 'temperature': decimal above maximum value. Expected a value <= 2.", 'temperature', 'decimal_above_max_value');
  }
  for (const key of ['max_tokens', 'max_completion_tokens']) {
    const v = b[key];
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 1)) return invalid(`Invalid '${key}': integer below minimum value.`, key, 'integer_below_min_value');
  }
  if (b.max_tokens !== undefined && b.max_completion_tokens !== undefined) {
    return invalid("max_tokens and max_completion_tokens cannot both be set", 'max_tokens', 'invalid_value');
  }
  if (b.stream_options !== undefined && b.stream !== true) {
    return invalid("The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'stream_options', 'invalid_value');
  }
  const format = b.response_format as Record<string, unknown> | undefined;
  if (format !== undefined) {
    if (format.type === 'json_object') {
      const text = JSON.stringify(b.messages).toLowerCase();
      if (!text.includes('json')) {
        return invalid("'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.", 'messages', null);
      }
    } else if (format.type === 'json_schema') {
      const spec = format.json_schema as Record<string, unknown> | undefined;
      if (typeof spec !== 'object' || spec === null) return invalid("Missing required parameter: 'response_format.json_schema'.", 'response_format.json_schema', 'missing_required_parameter');
      if (typeof spec.name !== 'string' || !NAME.test(spec.name)) {
        return invalid("Invalid 'response_format.json_schema.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.", 'response_format.json_schema.name', 'invalid_value');
      }
      if (spec.strict === true) {
        const [first] = strictSchemaProblems(spec.name, spec.schema);
        if (first !== undefined) return invalid(first, 'response_format', 'invalid_json_schema');
      }
    } else if (format.type !== 'text') {
      return invalid(`Invalid value: '${String(format.type)}'. Supported values are: 'json_object', 'json_schema', and 'text'.`, 'response_format.type', 'invalid_value');
    }
  }
  if (options.models && !options.models.includes(b.model)) {
    return { status: 404, error: { message: `The model \`${b.model}\` does not exist or you do not have access to it.`, type: 'invalid_request_error', param: null, code: 'model_not_found' } };
  }
  return undefined;
}

/** The 401 the API sends without a bearer token (or Azure's api-key header). */
export function refuseAuth(headers: Record<string, string | string[] | undefined>): Refusal | undefined {
  const bearer = typeof headers.authorization === 'string' && /^Bearer \S+/.test(headers.authorization);
  const azureKey = typeof headers['api-key'] === 'string' && headers['api-key'] !== '';
  if (bearer || azureKey) return undefined;
  return {
    status: 401,
    error: { message: "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth.", type: 'invalid_request_error', param: null, code: null },
  };
}
