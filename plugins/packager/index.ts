/**
 * Packages a generated project as a zip under one top-level folder, deterministically, and
 * unpacks zips without letting any entry escape its destination.
 */
export { packageProject } from './zip.ts';
export type { PackageOptions } from './zip.ts';
export { readZip, unpackZip, DEFAULT_MAX_UNZIP_BYTES } from './unzip.ts';
export type { UnzipOptions } from './unzip.ts';
export type { ProjectFile } from './entries.ts';
export { DEFAULT_GITIGNORE } from './gitignore.ts';
export { DestinationExistsError, DuplicateEntryError, InvalidZipError, ZipTooLargeError } from './errors.ts';
export { normalizeEntryPath, safeJoin } from '../../core/sandbox/paths.ts';
export { UnsafePathError } from '../../core/sandbox/errors.ts';
