import type { AppSpec } from '../../parser/spec.ts';

/** The spec being revised, the request as written, and what was done, in words. */
export interface Revision {
  spec: AppSpec;
  request: string;
  changes: string[];
}

/** One kind of edit. Returns false when the words matched its pattern but are not for it. */
export type Edit = (revision: Revision, groups: Readonly<Record<string, string | undefined>>) => boolean;
