import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export function escapeHtml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The file a page is written to: the home page is index.html. */
export function fileOf(page) {
  return `${page.slug}.html`;
}

function layout(site, page, body) {
  const nav = site.pages
    .map((other) => `<a href="${fileOf(other)}"${other.slug === page.slug ? ' aria-current="page"' : ''}>${escapeHtml(other.title)}</a>`)
    .join('\n        ');
  const title = page.slug === 'index' ? site.title : `${page.title} · ${site.title}`;
  return `<!doctype html>
<html lang="${escapeHtml(site.lang)}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="description" content="${escapeHtml(site.description)}" />
    <title>${escapeHtml(title)}</title>
    <link rel="stylesheet" href="styles.css" />
  </head>
  <body>
    <header class="site-header">
      <a class="brand" href="index.html">${escapeHtml(site.title)}</a>
      <nav aria-label="Main">
        ${nav}
      </nav>
    </header>
    <main>
${body.trimEnd()}
    </main>
    <footer class="site-footer">
      <p>&copy; ${new Date().getFullYear()} ${escapeHtml(site.title)}</p>
    </footer>
  </body>
</html>
`;
}

/** Writes every page of site.json, wrapped in the shared layout, and the stylesheet into `out`. */
export async function build({ root = here, out = join(here, 'dist') } = {}) {
  const site = JSON.parse(await readFile(join(root, 'site.json'), 'utf8'));
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  for (const page of site.pages) {
    const body = await readFile(join(root, 'src', 'pages', fileOf(page)), 'utf8');
    await writeFile(join(out, fileOf(page)), layout(site, page, body));
  }
  await copyFile(join(root, 'src', 'styles.css'), join(out, 'styles.css'));
  return site.pages.map(fileOf);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = await build();
  console.log(`Built ${files.length} pages into dist/: ${files.join(', ')}`);
}
