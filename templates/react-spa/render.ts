import { html, json } from '../../plugins/generator-templates/escape.ts';
import type { GeneratedFile } from '../../plugins/generator-templates/files.ts';
import { entityModels } from '../../plugins/generator-templates/model.ts';
import { templateFiles } from '../../plugins/generator-templates/template-files.ts';
import type { AppSpec } from '../../plugins/parser/spec.ts';
import { renderAppTest, renderClientModel } from '../react/render.ts';
import { fieldTable, renderGitignore, renderPackageJson, renderReadme, UI_GUIDE } from '../shared/render.ts';

export const CLIENT_COMPILER_OPTIONS = {
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  module: 'ESNext',
  moduleResolution: 'bundler',
  jsx: 'react-jsx',
  strict: true,
  noEmit: true,
  allowImportingTsExtensions: true,
  verbatimModuleSyntax: true,
  skipLibCheck: true,
  types: ['node'],
};

export function renderIndexHtml(spec: AppSpec, entry: string, path = 'index.html'): GeneratedFile {
  return {
    path,
    content: `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>${html(spec.name.title)}</title>
    <link rel="icon" href="data:," />
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="${entry}"></script>
  </body>
</html>
`,
  };
}

/** A React + Vite single-page app that keeps its data in localStorage. */
export function reactSpaFiles(spec: AppSpec): GeneratedFile[] {
  const models = entityModels(spec);
  return [
    ...templateFiles('react'),
    ...templateFiles('react-spa'),
    renderClientModel(spec, models),
    renderAppTest(spec, models, true),
    renderIndexHtml(spec, '/src/main.tsx'),
    renderPackageJson(spec, {
      scripts: {
        dev: 'vite',
        build: 'tsc -p tsconfig.json && vite build',
        prestart: 'npm run build',
        start: 'vite preview',
        test: 'vitest run',
        typecheck: 'tsc -p tsconfig.json',
      },
      dependencies: ['react', 'react-dom'],
      devDependencies: ['@types/node', '@types/react', '@types/react-dom', '@vitejs/plugin-react', 'axe-core', 'jsdom', 'typescript', 'vite', 'vitest'],
    }),
    { path: 'tsconfig.json', content: json({ compilerOptions: CLIENT_COMPILER_OPTIONS, include: ['src', 'test', 'vite.config.ts', 'vitest.config.ts'] }) },
    renderGitignore(),
    renderReadme(spec, 'npm install\nnpm test\nnpm start            # builds to dist/, then serves it on PORT (default 4173)', [
      { heading: 'Use it', body: UI_GUIDE },
      { heading: 'Develop', body: '`npm run dev` starts Vite with hot reload. `npm run build` type-checks and writes the static app to `dist/`, which any static file server can host.' },
      {
        heading: 'Data',
        body: `Everything is kept in the browser's localStorage under keys starting with \`${spec.name.package}:\`.\n\n${models.map((model) => `### ${model.pluralLabel}\n\n${fieldTable(model.fields)}`).join('\n\n')}`,
      },
    ]),
  ];
}
