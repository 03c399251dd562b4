import type { GeneratedFile } from '../project.ts';
import type { Finding, Tool } from '../report.ts';
import type { SourceFiles } from '../typescript/source-files.ts';

/** What a check returns: its findings, or why it did not run. */
export type CheckOutcome = { findings: Finding[]; summary?: string; tools?: Tool[]; rules?: string[] } | { skipped: string };

/** What the static checks share: the files and their syntax trees, parsed once. */
export interface StaticContext {
  files: readonly GeneratedFile[];
  sources: SourceFiles;
}
