import { json } from '../../plugins/generator-templates/escape.ts';
import type { GeneratedFile } from '../../plugins/generator-templates/files.ts';
import { entityModels } from '../../plugins/generator-templates/model.ts';
import { templateFiles } from '../../plugins/generator-templates/template-files.ts';
import type { AppSpec } from '../../plugins/parser/spec.ts';
import { renderAppInfo, renderEntity, renderEntityIndex, renderEntityTest } from '../api/render.ts';
import { fieldTable, relationsNote, renderGitignore, renderPackageJson, renderReadme } from '../shared/render.ts';

export const SERVER_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    skipLibCheck: true,
    // Sources import `./x.ts`; tsc rewrites those to `./x.js` in dist/.
    allowImportingTsExtensions: true,
    rewriteRelativeImportExtensions: true,
    verbatimModuleSyntax: true,
    types: ['node'],
  },
};

/** A Hono REST API over an embedded PGlite database, with OpenAPI and per-entity tests. */
export function restApiFiles(spec: AppSpec): GeneratedFile[] {
  const models = entityModels(spec);
  const resources = models
    .map((model) => `### ${model.pluralLabel}\n\n\`GET/POST /${model.kebabPlural}\`, \`GET/PUT/PATCH/DELETE /${model.kebabPlural}/:id\`\n\n${fieldTable(model.fields)}`)
    .join('\n\n');
  const query = [
    spec.features.filtering ? '`?<field>=<value>` filters' : '',
    spec.features.search ? '`?q=` searches text fields' : '',
    spec.features.sorting ? '`?sort=<field>&order=asc|desc` sorts' : '',
    spec.features.pagination ? '`?limit=&offset=` pages (20 by default, 100 at most)' : '',
  ].filter((part) => part !== '');
  return [
    ...templateFiles('api'),
    ...templateFiles('rest-api'),
    renderAppInfo(spec, spec.features),
    ...models.map((model) => renderEntity(model, models)),
    renderEntityIndex(models),
    ...models.map((model) => renderEntityTest(model, models, spec.features)),
    renderPackageJson(spec, {
      scripts: {
        build: 'tsc -p tsconfig.build.json',
        prestart: 'npm run build',
        start: 'node dist/server.js',
        test: 'vitest run',
        typecheck: 'tsc -p tsconfig.json',
      },
      dependencies: ['@electric-sql/pglite', '@hono/node-server', 'hono', 'zod'],
      devDependencies: ['@types/node', 'typescript', 'vitest'],
    }),
    { path: 'tsconfig.json', content: json({ ...SERVER_TSCONFIG, compilerOptions: { ...SERVER_TSCONFIG.compilerOptions, noEmit: true }, include: ['src', 'test', 'vitest.config.ts'] }) },
    { path: 'tsconfig.build.json', content: json({ ...SERVER_TSCONFIG, compilerOptions: { ...SERVER_TSCONFIG.compilerOptions, outDir: 'dist', rootDir: 'src' }, include: ['src'] }) },
    renderGitignore(['data/']),
    renderReadme(spec, 'npm install\nnpm test\nnpm start            # builds, then serves on PORT (default 3000)', [
      {
        heading: 'Configuration',
        body: [
          '- `PORT`: the port to listen on (default 3000).',
          '- `DATA_DIR`: where the embedded PostgreSQL database (PGlite) keeps its files (default `./data`).',
          ...(spec.features.auth ? ['- `API_TOKEN` (required): clients send `Authorization: Bearer <token>` to create, change or delete; reads are open.'] : []),
        ].join('\n'),
      },
      { heading: 'API', body: `The OpenAPI document is served at \`/openapi.json\`; \`/health\` answers \`{"status":"ok"}\`. Lists answer \`{ items, total, limit, offset }\`${query.length > 0 ? `; ${query.join(', ')}` : ''}.\n\n${resources}${relationsNote(models)}` },
    ]),
  ];
}
