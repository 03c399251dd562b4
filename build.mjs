#!/usr/bin/env node
// Compiles the platform to plain JavaScript in dist/, so the published package and `npm start`
// run without a TypeScript loader. Each source file becomes one output file (no bundling): the
// CLI's lazy `import()`s then load only what a command needs, and paths computed from
// `import.meta.url` (workflows, migrations, templates) resolve the same way in dist/ as in the
// source tree, because those folders are copied beside the compiled code.
import { build } from 'esbuild';
import { cp, readdir, readFile, rm, writeFile, chmod } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
/** Folders of platform code, compiled file by file. */
const CODE = ['core', 'plugins', 'api', 'cli'];
/** Folders read at run time, copied as they are (templates' render.ts files are compiled too). */
const ASSETS = ['workflows', 'migrations', 'templates'];

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === '.qlayer') continue;
      yield* walk(path);
    } else yield path;
  }
}

const isSource = (path) => /\.tsx?$/.test(path) && !/\.d\.ts$/.test(path);

/** Relative imports name `.ts` files; the compiled files are `.js`. Everything else stays external. */
const keepImportsExternal = {
  name: 'keep-imports-external',
  setup(builder) {
    builder.onResolve({ filter: /.*/ }, (args) => {
      // JSON data is inlined: Node needs an import attribute for JSON that esbuild drops on externals.
      if (args.kind === 'entry-point' || args.path.endsWith('.json')) return undefined;
      if (args.path.startsWith('.')) return { path: args.path.replace(/\.tsx?$/, '.js'), external: true };
      return { path: args.path, external: true };
    });
  },
};

/** Builds into `outDir` (dist/ by default; it must sit inside this checkout so packages resolve). */
export async function buildDist(outDir = join(ROOT, 'dist')) {
  const OUT = outDir;
  const started = performance.now();
  await rm(OUT, { recursive: true, force: true });
  const entryPoints = [];
  for (const folder of CODE) {
    for await (const path of walk(join(ROOT, folder))) {
      if (isSource(path)) entryPoints.push(path);
      else if (path.endsWith('bin.mjs')) continue; // the source entry: it loads .ts through tsx
      else await cp(path, join(OUT, relative(ROOT, path)));
    }
  }
  for (const folder of ASSETS) await cp(join(ROOT, folder), join(OUT, folder), { recursive: true });
  // Template renderers are code; the files under templates/*/files are the generated apps' sources.
  for await (const path of walk(join(ROOT, 'templates'))) {
    if (isSource(path) && !relative(ROOT, path).split('/').includes('files')) entryPoints.push(path);
  }
  await build({
    entryPoints,
    outdir: OUT,
    outbase: ROOT,
    bundle: true,
    plugins: [keepImportsExternal],
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // The published `qlayer` binary: plain JavaScript, no TypeScript loader.
  const bin = join(OUT, 'cli', 'run.js');
  await writeFile(bin, `#!/usr/bin/env node\n${await readFile(bin, 'utf8')}`);
  await chmod(bin, 0o755);
  return { files: entryPoints.length, ms: Math.round(performance.now() - started) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { files, ms } = await buildDist();
  console.log(`dist/: ${files} modules compiled in ${ms} ms`);
}
