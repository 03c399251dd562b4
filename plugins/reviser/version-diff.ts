import { createTwoFilesPatch } from 'diff';

export interface VersionFile {
  path: string;
  content: string;
}

export interface VersionDiff {
  added: string[];
  removed: string[];
  /** Each changed file with a unified diff (`--- a/path`, `+++ b/path`, three lines of context). */
  changed: Array<{ path: string; patch: string }>;
}

/**
 * What changed between two versions of a project (a revision against its parent): the shape
 * `GET /api/v1/runs/{id}/diff` is meant to answer with. Paths are compared as given, sorted.
 */
export function diffVersions(parent: readonly VersionFile[], child: readonly VersionFile[]): VersionDiff {
  const before = new Map(parent.map((f) => [f.path, f.content]));
  const after = new Map(child.map((f) => [f.path, f.content]));
  const sorted = (paths: Iterable<string>): string[] => [...paths].sort();
  const added = sorted([...after.keys()].filter((p) => !before.has(p)));
  const removed = sorted([...before.keys()].filter((p) => !after.has(p)));
  const changed = sorted([...after.keys()].filter((p) => before.has(p) && before.get(p) !== after.get(p))).map((path) => ({
    path,
    patch: createTwoFilesPatch(`a/${path}`, `b/${path}`, before.get(path)!, after.get(path)!, undefined, undefined, { context: 3 }),
  }));
  return { added, removed, changed };
}
