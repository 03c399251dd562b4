/**
 * Exact versions every generated package.json pins. Each was checked with
 * `npm view <pkg>@<version> engines` to support Node 20.19+ (the machine runs 20.20); vitest 5
 * and jsdom 30+ need Node 22, so they stay on 4.1 and 29.1.
 */
export const VERSIONS = {
  '@electric-sql/pglite': '0.5.16',
  '@eslint/js': '10.0.1',
  '@hono/node-server': '2.1.9',
  '@types/node': '20.19.0',
  '@types/react': '19.3.0',
  '@types/react-dom': '19.3.0',
  '@vitejs/plugin-react': '6.3.0',
  // Accessibility checks in the generated UI tests (engines: node >=4).
  'axe-core': '4.11.1',
  eslint: '10.16.0',
  'eslint-plugin-no-unsanitized': '4.1.5',
  'eslint-plugin-react-hooks': '7.1.1',
  'eslint-plugin-security': '4.1.0',
  globals: '17.14.0',
  hono: '4.13.19',
  jsdom: '29.1.1',
  react: '19.3.1',
  'react-dom': '19.3.1',
  typescript: '5.9.3',
  'typescript-eslint': '8.74.0',
  vite: '8.3.8',
  vitest: '4.1.12',
  zod: '4.6.7',
} as const;

export type PackageName = keyof typeof VERSIONS;

/**
 * What `npm run lint` needs in every kind: the linter and the rule sets of `eslint.config.js`
 * (templates/lint), at the versions the platform's own validator runs, so both find the same.
 */
export const LINT_PACKAGES: readonly PackageName[] = [
  '@eslint/js',
  'eslint',
  'eslint-plugin-no-unsanitized',
  'eslint-plugin-react-hooks',
  'eslint-plugin-security',
  'globals',
  'typescript',
  'typescript-eslint',
];

export const NODE_ENGINES = '>=20.19';

/** `{ name: version }` for the given packages, sorted as npm writes them. */
export function pinned(names: readonly PackageName[]): Record<string, string> {
  return Object.fromEntries([...names].sort().map((name) => [name, VERSIONS[name]]));
}
