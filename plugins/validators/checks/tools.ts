import { createRequire } from 'node:module';
import type { Tool } from '../report.ts';

const require = createRequire(import.meta.url);

/** The installed version of a package the checks run, for the report. */
export function toolVersion(name: string): Tool {
  try {
    return { name, version: (require(`${name}/package.json`) as { version: string }).version };
  } catch {
    return { name, version: 'unknown' };
  }
}
