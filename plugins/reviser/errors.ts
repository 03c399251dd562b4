import { QLayerError, ValidationError, type ValidationIssue } from '../../core/errors.ts';

/** A problem in a project's `qlayer.json`, with `file:line:column` paths as workflow files have. */
export interface ManifestIssue extends ValidationIssue {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export class ManifestError extends ValidationError {
  override readonly issues: readonly ManifestIssue[];

  constructor(file: string, issues: readonly ManifestIssue[]) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(`${file} is invalid (${count}):\n${issues.map((i) => `  ${i.path} ${i.message}`).join('\n')}`, issues, 'manifest_invalid');
    this.issues = issues;
  }
}

export type RevisionErrorCode =
  /** No rule understood the request. */
  | 'revision_not_understood'
  /** The request names something that could mean several things; `choices` lists them. */
  | 'revision_ambiguous'
  /** Understood, but this app cannot have it (login in a browser-only app, pages in an API). */
  | 'revision_impossible';

/**
 * A change request that changes nothing, and why. `choices` holds what the person can pick
 * from when the request was ambiguous ("Todo", "Project").
 */
export class RevisionError extends QLayerError {
  readonly choices: readonly string[];

  constructor(code: RevisionErrorCode, message: string, details: { request: string; choices?: readonly string[] }) {
    super(code, message, { details: { request: details.request, choices: details.choices ?? [] } });
    this.choices = details.choices ?? [];
  }
}
