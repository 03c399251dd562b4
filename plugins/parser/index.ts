/** Offline, rule-based prompt → AppSpec parsing. */
export { parsePrompt, type ParseResult } from './parse.ts';
export { PromptTooLongError, PromptUnsupportedError, MAX_PROMPT_LENGTH } from './errors.ts';
export * from './spec.ts';
