import { QLayerError } from '../../core/errors.ts';
import { APP_KINDS } from './spec.ts';

export const MAX_PROMPT_LENGTH = 4000;

const SUPPORTED = `Supported kinds: ${APP_KINDS.join(', ')} (for example "Create a todo app with React", "a REST API for a bookstore with books and authors", "a CLI tool to convert csv to json", "a static website for a bakery").`;

/** The prompt asks for nothing the offline generator can build; `reason` says what was seen. */
export class PromptUnsupportedError extends QLayerError {
  readonly reason: string;

  constructor(reason: string) {
    super('prompt_unsupported', `Cannot build this offline: ${reason}. ${SUPPORTED}`, {
      details: { reason, supportedKinds: [...APP_KINDS] },
    });
    this.reason = reason;
  }
}

export class PromptTooLongError extends QLayerError {
  constructor(length: number) {
    super('prompt_too_long', `The prompt has ${length} characters; at most ${MAX_PROMPT_LENGTH} are accepted. Describe the app in fewer words.`, {
      details: { length, max: MAX_PROMPT_LENGTH },
    });
  }
}
