import { strToU8, zipSync, type Zippable } from 'fflate';
import { DEFAULT_GITIGNORE } from './gitignore.ts';
import { checkRootName, prepareEntries, type ProjectFile } from './entries.ts';

export interface PackageOptions {
  /** The one top-level folder every entry is placed under, e.g. `todo-app`. */
  rootName: string;
}

/**
 * Local-time components on purpose: zip stores DOS local time and fflate converts a Date with
 * local getters, so building the date from local fields gives the same bytes in every time zone.
 * 1980-01-01 is the earliest time the format can hold, as in other reproducible-zip tools.
 */
function fixedMtime(): Date {
  return new Date(1980, 0, 1, 0, 0, 0);
}

const UNIX = 3;
const REGULAR_FILE = 0o100000;

/** Executable only when the file says how to run itself; everything else is plain read/write. */
function modeFor(content: string): number {
  return content.startsWith('#!') ? 0o755 : 0o644;
}

/**
 * Zips a generated project under `<rootName>/`, adding a `.gitignore` when there is none.
 * Equal input gives equal bytes: entries are sorted, times are fixed and modes derived from content.
 *
 * @throws UnsafePathError for a path or root name that could escape the folder.
 * @throws DuplicateEntryError for two entries that would land on one file.
 */
export function packageProject(files: readonly ProjectFile[], options: PackageOptions): Uint8Array {
  const root = checkRootName(options.rootName);
  const withIgnore = files.some((file) => file.path === '.gitignore' || file.path === './.gitignore')
    ? files
    : [...files, { path: '.gitignore', content: DEFAULT_GITIGNORE }];
  const entries = prepareEntries(withIgnore);
  const mtime = fixedMtime();
  const zippable: Zippable = {};
  for (const entry of entries) {
    zippable[`${root}/${entry.path}`] = [
      strToU8(entry.content),
      { mtime, os: UNIX, attrs: (REGULAR_FILE | modeFor(entry.content)) << 16, level: 6 },
    ];
  }
  return zipSync(zippable);
}
