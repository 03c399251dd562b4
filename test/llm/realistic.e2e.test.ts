import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProviderKind } from '../../core/llm/kinds.ts';
import { parseStructured, prepareSchema } from '../../core/llm/structured.ts';
import { generateApp } from '../../plugins/generator-templates/generate.ts';
import { structured } from '../../plugins/llm/outputs.ts';
import { readZip } from '../../plugins/packager/unzip.ts';
import { runCommand, type Ran } from '../apps/e2e-process.ts';
import { platformFixture } from '../helpers/platform.ts';
import { answer, startFakeOpenAi, type FakeOpenAi, type Reply } from './fakeOpenAi.ts';
import { SECRET } from './setup.ts';

/**
 * `generate-app-llm` end to end against the contract server, which refuses every request the real
 * API would refuse, with hand-written model answers (test/llm/answers): the parser's answer as a
 * strict-mode model writes it (every optional field present, null when unused), coders that
 * answer in token-sized stream chunks, and a first answer with a type error that the repair loop
 * must get fixed. The packaged app then installs, builds and passes its own tests
 * (QLAYER_SKIP_E2E=1 skips that part, which needs the npm registry).
 */
interface Fixture {
  prompt: string;
  parse: unknown;
  mistake: { path: string; why: string; find: string; replace: string };
}

const skipInstall = process.env.QLAYER_SKIP_E2E === '1';
const STEP_TIMEOUT = 5 * 60_000;
const root = mkdtempSync(join(tmpdir(), 'qlayer-llm-e2e-'));
let failed = false;
afterAll(() => {
  if (failed) console.log(`Projects kept for inspection in ${root}`);
  else rmSync(root, { recursive: true, force: true });
});

const cases: { fixture: string; kind: ProviderKind; model: string }[] = [
  { fixture: 'todo-app', kind: 'openai', model: 'gpt-4o-mini-2024-07-18' },
  { fixture: 'bookstore-api', kind: 'ollama', model: 'qwen2.5-coder:14b' },
];

interface ChatBody {
  model: string;
  stream?: boolean;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; strict: boolean } };
}

/** Text split the way a model streams it: pieces of three to nine characters. */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (let i = 0, n = 0; i < text.length; n++) {
    const size = 3 + ((n * 7 + 3) % 7);
    out.push(text.slice(i, i + size));
    i += size;
  }
  return out;
}

/** The model: answers each request from the fixture, by the schema it asks for. */
class Model {
  readonly project: Map<string, string>;
  readonly spec: unknown;
  private mistakeMade = false;

  constructor(readonly fixture: Fixture) {
    const { schema } = structured('app_spec');
    const read = parseStructured(JSON.stringify(fixture.parse), schema, prepareSchema(schema, 'app_spec', 'openai-strict').source);
    if (!read.ok) throw new Error(`fixture does not parse: ${read.message}`);
    this.spec = read.value.spec;
    this.project = new Map(generateApp(read.value.spec).map((f) => [f.path, f.content]));
    if (!this.project.get(fixture.mistake.path)?.includes(fixture.mistake.find)) throw new Error(`fixture mistake does not apply to ${fixture.mistake.path}`);
  }

  reply(body: ChatBody): Reply {
    const user = body.messages.findLast((m) => m.role === 'user')?.content ?? '';
    let value: unknown;
    switch (body.response_format?.json_schema?.name) {
      case 'app_spec':
        value = this.fixture.parse;
        break;
      case 'module_files': {
        const paths = user.slice(user.indexOf('Write exactly these files:'), user.indexOf('App spec (JSON):')).split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
        value = { files: paths.map((path) => ({ path, content: this.firstDraft(path) })) };
        break;
      }
      case 'repaired_files': {
        const paths = [...user.matchAll(/^=== (.+) ===$/gm)].map((m) => m[1]!);
        value = { files: paths.map((path) => ({ path, content: this.project.get(path) ?? '' })) };
        break;
      }
      default:
        return { kind: 'status', status: 400, message: `the test model has no answer for ${JSON.stringify(body.response_format)}` };
    }
    const text = JSON.stringify(value);
    const usage = { prompt: Math.ceil(JSON.stringify(body.messages).length / 4), completion: Math.ceil(text.length / 4) };
    return body.stream === true ? { kind: 'stream', chunks: tokens(text), usage } : answer(text, usage);
  }

  private firstDraft(path: string): string {
    const content = this.project.get(path) ?? '';
    if (path !== this.fixture.mistake.path || this.mistakeMade) return content;
    this.mistakeMade = true;
    return content.replace(this.fixture.mistake.find, this.fixture.mistake.replace);
  }
}

/** Scripts each reply as its request is recorded (just before the server reads its queue). */
function answerWith(fake: FakeOpenAi, model: Model): void {
  const record = fake.requests.push.bind(fake.requests);
  fake.requests.push = (...requests) => {
    for (const r of requests) if (r.url.includes('/chat/completions')) fake.script(model.reply(r.body as unknown as ChatBody));
    return record(...requests);
  };
}

function expectSuccess(step: string, ran: Ran): void {
  if (ran.code !== 0) failed = true;
  expect(ran.code, `${step} failed:\n${ran.output.slice(-6000)}`).toBe(0);
}

describe.sequential('generate-app-llm against the contract server, with realistic answers', () => {
  for (const { fixture: name, kind, model: modelName } of cases) {
    const fixture = JSON.parse(readFileSync(new URL(`./answers/${name}.json`, import.meta.url), 'utf8')) as Fixture;
    const dir = join(root, name);

    it(`${name} on a ${kind}-kind provider: parsed, coded, type error repaired, packaged`, async () => {
      const model = new Model(fixture);
      const fake = await startFakeOpenAi({ models: [modelName] });
      answerWith(fake, model);
      const fx = await platformFixture({
        config: `llm:\n  providers:\n    main:\n      kind: ${kind}\n      baseURL: ${fake.baseURL}\n      apiKeyEnv: MAIN_KEY\n      model: "${modelName}"\n      timeoutMs: 60000\n`,
        env: { MAIN_KEY: SECRET },
      });
      try {
        const { runner, artifacts } = fx.platform;
        const { run } = await runner.start('generate-app-llm', { prompt: fixture.prompt });
        const done = await runner.waitForRun(run.id, { timeoutMs: 240_000 });
        expect(fake.refused.map((r) => r.refusal.error.message)).toEqual([]);
        expect(done.error).toBeNull();
        expect(done.output).toMatchObject({ kind: (model.spec as { kind: string }).kind, rounds: 1, validation: { passed: true }, review: { passed: true } });

        const chats = fake.chats().map((r) => r.body as unknown as ChatBody);
        expect(chats.every((b) => b.model === modelName && b.response_format?.type === 'json_schema' && b.response_format.json_schema?.strict === true)).toBe(true);
        const repairs = chats.filter((b) => b.response_format?.json_schema?.name === 'repaired_files');
        expect(repairs).toHaveLength(1);
        // The repair was shown the compiler's finding at its place, and the file it is in.
        const repairPrompt = repairs[0]!.messages.at(-1)!.content;
        expect(repairPrompt).toMatch(new RegExp(`^${fixture.mistake.path.replace(/[.]/g, '\\.')}:\\d+: error: .*\\[types TS\\d+\\]$`, 'm'));
        expect(repairPrompt).toContain(fixture.mistake.replace);

        const output = done.output as { artifact: string; name: string };
        const stored = await artifacts.get(run.id, output.artifact);
        const files = readZip(stored!.content);
        expect(files).toHaveLength(model.project.size);
        for (const file of files) {
          const path = file.path.slice(output.name.length + 1);
          expect(file.content, path).toBe(model.project.get(path));
          mkdirSync(dirname(join(dir, path)), { recursive: true });
          writeFileSync(join(dir, path), file.content);
        }
      } finally {
        await fx.close();
        await fake.close();
      }
    }, 300_000);

    it.skipIf(skipInstall)(`${name}: the generated app installs, builds and passes its tests`, async () => {
      const npm = (args: string[]) => runCommand('npm', args, { cwd: dir, timeoutMs: STEP_TIMEOUT });
      expectSuccess('install', await npm(['install', '--no-audit', '--no-fund', '--loglevel=error']));
      expectSuccess('build', await npm(['run', 'build']));
      const tested = await npm(['test']);
      expectSuccess('test', tested);
      expect(tested.output).toMatch(/(Tests\s+\d+ passed|# pass [1-9])/);
    }, 3 * STEP_TIMEOUT);
  }
});
