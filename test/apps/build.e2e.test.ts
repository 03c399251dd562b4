import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppKind } from '../../plugins/parser/spec.ts';
import { exerciseRecordsInBrowser, type RecordsScenario } from './browser.ts';
import { runCommand, startCommand, waitForHttp, type Ran } from './e2e-process.ts';

/**
 * The product path, end to end, for each kind: `qlayer generate "<prompt>"` (the real binary:
 * the generate-app workflow on the runner, the zip artifact, unpacked into a folder) →
 * `npm install` → build → typecheck → lint → `npm test` → `npm start`; the SPA and the full-stack
 * app are then used in headless Chromium: create, open, edit, reload, back/forward, 25 more
 * records paged to the 25th, and axe-core on each page. Needs the npm registry;
 * QLAYER_SKIP_E2E=1 skips it.
 */
const QLAYER = fileURLToPath(new URL('../../cli/bin.mjs', import.meta.url));
const STEP_TIMEOUT = 5 * 60_000;
const skip = process.env.QLAYER_SKIP_E2E === '1';

type Scenario = Omit<RecordsScenario, 'axePath'>;

const apps: { kind: AppKind; prompt: string; build: boolean; typecheck: boolean; serve?: { path: string; expect: string }; browser?: Scenario }[] = [
  { kind: 'react-spa', prompt: 'Create a todo app with React', build: true, typecheck: true, serve: { path: '/', expect: '<div id="root">' }, browser: { entityLabel: 'Todo', key: 'todos', titleLabel: 'Todo title' } },
  { kind: 'rest-api', prompt: 'a REST API for a bookstore with books and authors', build: true, typecheck: true, serve: { path: '/openapi.json', expect: '"/books/{id}"' } },
  {
    kind: 'fullstack',
    prompt: 'a full-stack recipe manager with a React frontend and an API',
    build: true,
    typecheck: true,
    serve: { path: '/api/recipes', expect: '"items"' },
    browser: { entityLabel: 'Recipe', key: 'recipes', titleLabel: 'Recipe title' },
  },
  { kind: 'cli', prompt: 'a command-line tool to convert csv files to json', build: true, typecheck: true },
  // The other CLI mode: records of several entities in a JSON file.
  { kind: 'cli', prompt: 'a CLI to manage my tasks and projects', build: true, typecheck: true },
  { kind: 'static-site', prompt: 'a static website for a bakery with home, menu, about and contact pages', build: true, typecheck: false, serve: { path: '/menu.html', expect: 'Sourdough' } },
];

const timings: string[] = [];
const root = mkdtempSync(join(tmpdir(), 'qlayer-e2e-'));
let failed = false;

afterAll(() => {
  console.log(`\nGenerated-app timings (ms):\n${timings.join('\n')}`);
  if (failed) console.log(`Projects kept for inspection in ${root}`);
  else rmSync(root, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function expectSuccess(step: string, ran: Ran): void {
  if (ran.code !== 0) failed = true;
  expect(ran.code, `${step} failed:\n${ran.output.slice(-6000)}`).toBe(0);
}

describe.skipIf(skip).sequential('generated apps build and pass their own tests', () => {
  for (const app of apps) {
    it(
      `${app.kind}: "${app.prompt}"`,
      async () => {
        const generated = await runCommand(process.execPath, [QLAYER, 'generate', app.prompt, '--in-memory', '--json', '-o', join(root, `app-${apps.indexOf(app)}`)], {
          cwd: root,
          timeoutMs: STEP_TIMEOUT,
        });
        expectSuccess(`${app.kind} generate`, generated);
        const result = JSON.parse(generated.output.slice(generated.output.indexOf('{'))) as { kind: string; dir: string; name: string; status: string };
        expect(result).toMatchObject({ status: 'completed', kind: app.kind });
        const spec = { name: { package: result.name } };
        const dir = result.dir;
        const step = async (name: string, args: string[]): Promise<Ran> => {
          const ran = await runCommand('npm', args, { cwd: dir, timeoutMs: STEP_TIMEOUT });
          timings.push(`${spec.name.package.padEnd(24)} ${name.padEnd(10)} ${String(ran.ms).padStart(7)}`);
          expectSuccess(`${app.kind} ${name}`, ran);
          return ran;
        };
        await step('install', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
        if (app.build) await step('build', ['run', 'build']);
        if (app.typecheck) await step('typecheck', ['run', 'typecheck']);
        // Every kind ships eslint.config.js, the rules the validators applied: clean on generation.
        await step('lint', ['run', 'lint', '--', '--max-warnings=0']);
        const tested = await step('test', ['test']);
        expect(tested.output).toMatch(/(Tests\s+\d+ passed|# pass [1-9])/);

        if (app.serve !== undefined) {
          const port = await freePort();
          const server = startCommand('npm', ['start'], { cwd: dir, env: { PORT: String(port), DATA_DIR: join(dir, 'data') } });
          try {
            const response = await waitForHttp(`http://127.0.0.1:${port}${app.serve.path}`, STEP_TIMEOUT);
            expect(response.status, server.output()).toBe(200);
            expect(await response.text()).toContain(app.serve.expect);
            if (app.browser !== undefined) {
              const origin = `http://127.0.0.1:${port}/`;
              const report = await exerciseRecordsInBrowser(origin, { ...app.browser, axePath: join(dir, 'node_modules', 'axe-core', 'axe.min.js') }, `generated-${app.kind}`);
              const key = app.browser.key;
              expect(report.detailUrl).toMatch(new RegExp(`#/${key}/\\d+$`));
              expect(report.headingAfterReload).toBe('Final version');
              expect(report.backUrl).toBe(`${report.detailUrl}/edit`);
              expect(report.forwardUrl).toBe(report.detailUrl);
              expect(report.pageTwoUrl).toBe(`${origin}#/${key}?page=2`);
              expect(report.pageTwoTitles).toEqual([20, 21, 22, 23, 24, 25].map((n) => `${app.browser?.entityLabel} ${n}`));
              expect(report.twentyFifthHeading).toBe(`${app.browser.entityLabel} 25`);
              expect(report.axe).toEqual([]);
              if (app.kind === 'fullstack') {
                // The records are the server's: its API pages by 20 and holds all 26.
                const page = (await (await fetch(`${origin}api/${key}?offset=20`)).json()) as { items: { title: string }[]; total: number };
                expect(page.total).toBe(26);
                expect(page.items.map((item) => item.title).at(-1)).toBe('Recipe 25');
              }
            }
          } finally {
            await server.stop();
          }
        } else {
          const help = await runCommand('npm', ['start', '--', '--help'], { cwd: dir, timeoutMs: STEP_TIMEOUT });
          expectSuccess(`${app.kind} start`, help);
          expect(help.output).toContain(`Usage: ${spec.name.package}`);
        }
      },
      4 * STEP_TIMEOUT,
    );
  }
});
