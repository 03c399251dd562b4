import type { Linter } from 'eslint';
import type ts from 'typescript';
import { VIRTUAL_ROOT } from '../../typescript/virtual-program.ts';

/**
 * The configuration every generated project ships as `eslint.config.js` (templates/lint). The
 * validator lints with that very file, so the report and `npm run lint` apply the same rules.
 * Imported by URL: it is plain JavaScript outside the platform's TypeScript sources.
 */
const SHIPPED_CONFIG = new URL('../../../../templates/lint/files/eslint.config.js', import.meta.url);

export const TYPESCRIPT_FILES = '**/*.{ts,mts,cts,tsx}';

/**
 * Rules of the shipped configuration that the validator turns off before install. They judge
 * values typed `any`, and before `npm install` every value that comes from a package is `any`
 * (its types are not there), so each use of React or Hono would be reported. They run in the
 * project's own `npm run lint`, where the packages' types are installed.
 */
export const NEEDS_INSTALLED_TYPES = [
  '@typescript-eslint/no-unsafe-assignment',
  '@typescript-eslint/no-unsafe-call',
  '@typescript-eslint/no-unsafe-member-access',
  '@typescript-eslint/no-unsafe-return',
] as const;

let shipped: Promise<Linter.Config[]> | undefined;

export function shippedConfig(): Promise<Linter.Config[]> {
  shipped ??= import(SHIPPED_CONFIG.href).then((module: { default: Linter.Config[] }) => module.default);
  return shipped;
}

/**
 * The shipped configuration, adapted to files that exist only in memory: type information comes
 * from the program the type check built (`programs`) instead of a project service reading
 * tsconfig files from disk.
 */
export async function validatorConfig(program: ts.Program | undefined): Promise<Linter.Config[]> {
  const config = await shippedConfig();
  const offline: Linter.Config = {
    files: [TYPESCRIPT_FILES],
    languageOptions: { parserOptions: { projectService: false, project: null, programs: program === undefined ? null : [program], tsconfigRootDir: VIRTUAL_ROOT } },
    rules: Object.fromEntries(NEEDS_INSTALLED_TYPES.map((rule) => [rule, 'off'])),
  };
  return [...config, offline];
}
