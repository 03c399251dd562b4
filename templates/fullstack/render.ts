import { json } from '../../plugins/generator-templates/escape.ts';
import type { GeneratedFile } from '../../plugins/generator-templates/files.ts';
import { entityModels } from '../../plugins/generator-templates/model.ts';
import { templateFiles } from '../../plugins/generator-templates/template-files.ts';
import type { AppSpec } from '../../plugins/parser/spec.ts';
import { renderAppInfo, renderEntity, renderEntityIndex, renderEntityTest } from '../api/render.ts';
import { renderAppTest, renderClientModel } from '../react/render.ts';
import { CLIENT_COMPILER_OPTIONS, renderIndexHtml } from '../react-spa/render.ts';
import { SERVER_TSCONFIG } from '../rest-api/render.ts';
import { fieldTable, relationsNote, renderGitignore, renderPackageJson, renderReadme, UI_GUIDE } from '../shared/render.ts';

const under = (folder: string, files: readonly GeneratedFile[]): GeneratedFile[] => files.map((file) => ({ ...file, path: `${folder}/${file.path}` }));

/** One package: the Hono API in server/, the React client in client/, built together. */
export function fullstackFiles(spec: AppSpec): GeneratedFile[] {
  const models = entityModels(spec);
  const tokenNote = spec.features.auth
    ? `\n\nWrites need the \`API_TOKEN\` the server was started with; in the browser run \`localStorage.setItem('${spec.name.package}:apiToken', '<token>')\` once.`
    : '';
  return [
    ...under('server', templateFiles('api').filter((file) => file.path !== 'vitest.config.ts')),
    ...templateFiles('fullstack'),
    ...under('server', [
      renderAppInfo(spec, spec.features),
      ...models.map((model) => renderEntity(model, models)),
      renderEntityIndex(models),
      ...models.map((model) => renderEntityTest(model, models, spec.features)),
    ]),
    ...under('client', [...templateFiles('react'), renderClientModel(spec, models), renderAppTest(spec, models, false)]),
    renderIndexHtml(spec, '/src/main.tsx', 'client/index.html'),
    renderPackageJson(spec, {
      scripts: {
        dev: 'vite',
        build: 'tsc -p tsconfig.json && vite build && tsc -p tsconfig.server.json',
        prestart: 'npm run build',
        start: 'node dist/server/server.js',
        test: 'vitest run',
        typecheck: 'tsc -p tsconfig.json && tsc -p server/tsconfig.json',
      },
      dependencies: ['@electric-sql/pglite', '@hono/node-server', 'hono', 'react', 'react-dom', 'zod'],
      devDependencies: ['@types/node', '@types/react', '@types/react-dom', '@vitejs/plugin-react', 'axe-core', 'jsdom', 'typescript', 'vite', 'vitest'],
    }),
    { path: 'tsconfig.json', content: json({ compilerOptions: CLIENT_COMPILER_OPTIONS, include: ['client', 'vite.config.ts', 'vitest.config.ts'] }) },
    { path: 'tsconfig.server.json', content: json({ ...SERVER_TSCONFIG, compilerOptions: { ...SERVER_TSCONFIG.compilerOptions, outDir: 'dist/server', rootDir: 'server/src' }, include: ['server/src'] }) },
    { path: 'server/tsconfig.json', content: json({ ...SERVER_TSCONFIG, compilerOptions: { ...SERVER_TSCONFIG.compilerOptions, noEmit: true }, include: ['src', 'test'] }) },
    renderGitignore(['data/']),
    renderReadme(spec, 'npm install\nnpm test\nnpm start            # builds client and server, then serves both on PORT (default 3000)', [
      { heading: 'Use it', body: UI_GUIDE },
      {
        heading: 'Develop',
        body: 'Run `npm start` in one terminal (the API on port 3000) and `npm run dev` in another: Vite serves the client with hot reload and forwards `/api` to the server (`API_PORT` changes the port it forwards to).',
      },
      {
        heading: 'Configuration',
        body: `- \`PORT\`: the port to listen on (default 3000).\n- \`DATA_DIR\`: where the embedded PostgreSQL database (PGlite) keeps its files (default \`./data\`).${spec.features.auth ? '\n- `API_TOKEN` (required): writes need `Authorization: Bearer <token>`.' : ''}${tokenNote}`,
      },
      {
        heading: 'API',
        body: `Served under \`/api\`; the OpenAPI document is at \`/api/openapi.json\`.\n\n${models.map((model) => `### ${model.pluralLabel}\n\n\`/api/${model.kebabPlural}\`, \`/api/${model.kebabPlural}/:id\`\n\n${fieldTable(model.fields)}`).join('\n\n')}${relationsNote(models, '/api')}`,
      },
    ]),
  ];
}
