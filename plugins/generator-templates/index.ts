/** AppSpec → project files, offline. */
export { generateApp } from './generate.ts';
export { assertSafePath, GenerateError, type GeneratedFile } from './files.ts';
export { VERSIONS } from './versions.ts';
