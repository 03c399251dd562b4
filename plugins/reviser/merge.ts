import { createTwoFilesPatch } from 'diff';
import { merge as mergeLines } from 'node-diff3';
import { hashContent, isMetadata } from './manifest.ts';

/**
 * Three-way merge of a project folder. base = the files of the last generation, ours = the
 * folder now, theirs = the new generation. Pure: the CLI reads the folder and writes the result.
 */
export type MergeStatus =
  /** New in this version, written. */
  | 'added'
  /** You had not changed it: replaced by the new version. */
  | 'updated'
  /** Both changed it; the changes did not overlap and were combined. */
  | 'merged'
  /** Both changed the same lines: written with conflict markers for you to resolve. */
  | 'conflict'
  /** Gone from the new version and unchanged by you: deleted. */
  | 'removed'
  /** You deleted it: it stays deleted, whatever the new version holds. */
  | 'kept-deleted'
  /** Yours is kept: you changed a file the new version drops, or you added a file it now also generates. */
  | 'kept-yours';

export interface MergeEntry {
  path: string;
  status: MergeStatus;
  note?: string;
}

export interface MergeResult {
  /** Files to write, with their new content. */
  write: Map<string, string>;
  /** Files to delete. */
  remove: string[];
  /** What happened to every file the merge touched or decided to leave, in path order. */
  entries: MergeEntry[];
  conflicts: string[];
}

export interface MergeInput {
  base: ReadonlyMap<string, string>;
  /** sha256 of each file as generated last time (.qlayer/base.json), to check the regenerated base. */
  baseHashes: Readonly<Record<string, string>>;
  ours: ReadonlyMap<string, string>;
  theirs: ReadonlyMap<string, string>;
}

export const CONFLICT_LABELS = { a: 'yours', b: 'new version' } as const;

export function mergeProject({ base, baseHashes, ours, theirs }: MergeInput): MergeResult {
  const write = new Map<string, string>();
  const remove: string[] = [];
  const entries: MergeEntry[] = [];
  const paths = [...new Set([...Object.keys(baseHashes), ...base.keys(), ...theirs.keys()])].filter((p) => !isMetadata(p)).sort();
  for (const path of paths) {
    const generated = baseHashes[path] !== undefined;
    const mine = ours.get(path);
    const next = theirs.get(path);
    // The regenerated base counts only where it is byte for byte what was generated then.
    const old = base.get(path) !== undefined && hashContent(base.get(path)!) === baseHashes[path] ? base.get(path) : undefined;
    if (!generated) {
      if (next === undefined) continue;
      if (mine === undefined) {
        write.set(path, next);
        entries.push({ path, status: 'added' });
      } else if (mine !== next) entries.push({ path, status: 'kept-yours', note: 'you added this file; the new version also generates it, so yours is kept as it is' });
      continue;
    }
    if (mine === undefined) {
      entries.push({ path, status: 'kept-deleted', note: next === undefined ? 'you deleted it; the new version drops it too' : 'you deleted it; it stays deleted although the new version has it' });
      continue;
    }
    const untouched = hashContent(mine) === baseHashes[path];
    if (next === undefined) {
      if (untouched) {
        remove.push(path);
        entries.push({ path, status: 'removed' });
      } else entries.push({ path, status: 'kept-yours', note: 'you changed it; the new version no longer generates it, so yours is kept' });
      continue;
    }
    if (mine === next) continue;
    if (untouched) {
      write.set(path, next);
      entries.push({ path, status: 'updated' });
      continue;
    }
    if (hashContent(next) === baseHashes[path]) continue; // only you changed it
    const merged = mergeText(mine, old ?? '', next);
    write.set(path, merged.text);
    entries.push(merged.conflict ? { path, status: 'conflict', ...(old === undefined ? { note: 'the last generation could not be rebuilt exactly, so the whole file is compared' } : {}) } : { path, status: 'merged' });
  }
  return { write, remove, entries, conflicts: entries.filter((e) => e.status === 'conflict').map((e) => e.path) };
}

/** A line-based diff3 merge with git's conflict markers. */
export function mergeText(ours: string, base: string, theirs: string): { text: string; conflict: boolean } {
  const result = mergeLines(lines(ours), lines(base), lines(theirs), { label: CONFLICT_LABELS });
  return { text: result.result.join('\n'), conflict: result.conflict };
}

// Split keeping the final newline as an empty last line, so join('\n') restores it exactly.
function lines(text: string): string[] {
  return text.split('\n');
}

/** A unified diff of the folder before and after, for `--dry-run` and reports. */
export function projectDiff(before: ReadonlyMap<string, string>, result: Pick<MergeResult, 'write' | 'remove'>): string {
  const patches: string[] = [];
  for (const [path, content] of [...result.write].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const old = before.get(path);
    if (old === content) continue;
    patches.push(createTwoFilesPatch(old === undefined ? '/dev/null' : `a/${path}`, `b/${path}`, old ?? '', content, undefined, undefined, { context: 3 }));
  }
  for (const path of [...result.remove].sort()) patches.push(createTwoFilesPatch(`a/${path}`, '/dev/null', before.get(path) ?? '', '', undefined, undefined, { context: 3 }));
  return patches.join('');
}
