import { FatalStepError, QLayerError, ValidationError, type ValidationIssue } from '../errors.ts';

/** One problem in a workflow file; `path` is `file:line:column` so editors and terminals can jump to it. */
export interface WorkflowIssue extends ValidationIssue {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** Every problem found in a workflow file, reported together so one edit-run cycle fixes them all. */
export class WorkflowValidationError extends ValidationError {
  override readonly issues: readonly WorkflowIssue[];

  constructor(file: string, issues: readonly WorkflowIssue[]) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    const list = issues.map((i) => `  ${i.path} ${i.message}`).join('\n');
    super(`workflow ${file} is invalid (${count}):\n${list}`, issues, 'workflow_invalid');
    this.issues = issues;
  }
}

/**
 * An expression that cannot be parsed. `offset` is the position in the expression text, which
 * the loader turns into a line and column of the YAML file.
 */
export class ExpressionSyntaxError extends QLayerError {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super('expression_syntax', message, { details: { offset } });
    this.offset = offset;
  }
}

/**
 * An expression that failed while a run evaluated it (a `foreach` that is not a list, a
 * comparison of a number with a string). The same scope gives the same failure, so retrying
 * cannot help: it is fatal.
 */
export class ExpressionError extends FatalStepError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, details === undefined ? { code: 'expression_failed' } : { code: 'expression_failed', details });
  }
}
