import { json } from '../../plugins/generator-templates/escape.ts';
import type { GeneratedFile } from '../../plugins/generator-templates/files.ts';
import { templateFiles } from '../../plugins/generator-templates/template-files.ts';
import type { AppSpec } from '../../plugins/parser/spec.ts';
import { renderGitignore, renderPackageJson, renderReadme } from '../shared/render.ts';
import { pageContent } from './content.ts';

/** A multi-page static website: page fragments, a shared layout and CSS, a tiny Node build. */
export function staticSiteFiles(spec: AppSpec): GeneratedFile[] {
  const subject = spec.name.title.toLowerCase();
  const site = { title: spec.name.title, lang: 'en', description: spec.description.slice(0, 160), pages: spec.pages };
  return [
    ...templateFiles('static-site'),
    { path: 'site.json', content: json(site) },
    ...spec.pages.map((page) => ({ path: `src/pages/${page.slug}.html`, content: `${pageContent(page, { title: spec.name.title, subject, pages: spec.pages })}\n` })),
    renderPackageJson(spec, {
      scripts: {
        build: 'node build.mjs',
        prestart: 'npm run build',
        start: 'node serve.mjs',
        test: 'node --test test/site.test.mjs',
      },
      dependencies: [],
      devDependencies: [],
    }),
    renderGitignore(),
    renderReadme(spec, 'npm install\nnpm test\nnpm start            # builds dist/, then serves it on PORT (default 8080)', [
      {
        heading: 'Edit',
        body: `Each page's content is in \`src/pages/<page>.html\`; the header, navigation and footer are added by \`build.mjs\`; the look is \`src/styles.css\`; the page list and the site title are in \`site.json\`. \`npm run build\` writes plain HTML into \`dist/\`, which any static host can serve.\n\nPages: ${spec.pages.map((page) => `${page.title} (\`${page.slug}.html\`)`).join(', ')}.`,
      },
    ]),
  ];
}
