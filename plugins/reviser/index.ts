/** Change requests → spec edits, offline; the qlayer.json project manifest. */
export { reviseSpec, clauses, MAX_REQUEST_LENGTH, type RevisionResult } from './revise.ts';
export { RevisionError, ManifestError, type RevisionErrorCode, type ManifestIssue } from './errors.ts';
export * from './manifest.ts';
