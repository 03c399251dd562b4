import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateApp } from '../../plugins/generator-templates/generate.ts';
import { readZip } from '../../plugins/packager/unzip.ts';
import { parsePrompt } from '../../plugins/parser/parse.ts';
import { backend } from '../helpers/db.ts';
import { platformFixture, type PlatformFixture } from '../helpers/platform.ts';
import { answer, startFakeOpenAi, status, stream, type FakeOpenAi, type Reply } from './fakeOpenAi.ts';
import { SECRET } from './setup.ts';

const PROMPT = 'Create a todo app with React';
const parsed = parsePrompt(PROMPT);
const project = new Map(generateApp(parsed.spec).map((f) => [f.path, f.content]));
const BROKEN = 'src/App.tsx';
const fixed = project.get(BROKEN)!;
// Drops the last closing brace: a syntax error the validators report as `src/App.tsx:<line>`.
const broken = fixed.slice(0, fixed.lastIndexOf('}')) + fixed.slice(fixed.lastIndexOf('}') + 1);

/** What the repair answers; each test may change it. */
let repairAnswer: { path: string; content: string }[];

interface ChatBody {
  stream?: boolean;
  messages?: { role: string; content: string }[];
  response_format?: { json_schema?: { name?: string } };
}

const schemaOf = (body: unknown) => (body as ChatBody | undefined)?.response_format?.json_schema?.name;
const userText = (body: ChatBody) => body.messages?.findLast((m) => m.role === 'user')?.content ?? '';

/** The paths a coder request asks for: the `- path` lines of its prompt. */
function askedPaths(prompt: string): string[] {
  const start = prompt.indexOf('Write exactly these files:');
  const end = prompt.indexOf('App spec (JSON):');
  return prompt
    .slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2));
}

/** What a model would answer, derived from the request, since coders ask in parallel and in any order. */
function replyFor(body: ChatBody): Reply {
  let value: unknown;
  switch (schemaOf(body)) {
    case 'app_spec':
      value = parsed;
      break;
    case 'module_files': {
      const paths = askedPaths(userText(body));
      if (paths.length === 0 || paths.some((p) => !project.has(p))) return status(400, `unexpected paths: ${paths.join(', ')}`);
      value = { files: paths.map((path) => ({ path, content: path === BROKEN ? broken : project.get(path)! })) };
      break;
    }
    case 'repaired_files':
      value = { files: repairAnswer };
      break;
    default:
      return status(400, `unexpected schema ${String(schemaOf(body))}`);
  }
  const text = JSON.stringify(value);
  if (body.stream !== true) return answer(text);
  const size = Math.ceil(text.length / 8);
  return stream(Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size)));
}

/**
 * The fake server answers from a queue; scripting the reply as the request is recorded (which
 * happens just before the queue is read) turns it into a server that answers by content.
 */
function answerByContent(fake: FakeOpenAi): void {
  const record = fake.requests.push.bind(fake.requests);
  fake.requests.push = (...requests) => {
    for (const r of requests) if (r.url.includes('/chat/completions')) fake.script(replyFor((r.body ?? {}) as ChatBody));
    return record(...requests);
  };
}

const llmConfig = (fake: FakeOpenAi) => `llm:
  providers:
    fake:
      baseURL: ${fake.baseURL}
      apiKeyEnv: FAKE_KEY
      model: fake-model
      timeoutMs: 20000
`;

let fx: PlatformFixture | undefined;
let fake: FakeOpenAi;
beforeEach(async () => {
  repairAnswer = [{ path: BROKEN, content: fixed }];
  fake = await startFakeOpenAi();
  answerByContent(fake);
});
afterEach(async () => {
  await fx?.close();
  fx = undefined;
  await fake.close();
});

describe(`generate-app-llm workflow (${backend})`, () => {
  it('parses, codes and repairs through the LLM, and packages the repaired project', async () => {
    fx = await platformFixture({ config: llmConfig(fake), env: { FAKE_KEY: SECRET } });
    const { runner, artifacts } = fx.platform;
    expect(fx.platform.warnings).toEqual([]);
    const { run } = await runner.start('generate-app-llm', { prompt: PROMPT });
    const done = await runner.waitForRun(run.id, { timeoutMs: 150_000 });
    expect(done.error).toBeNull();
    expect(done.status).toBe('completed');
    const output = done.output as { name: string; rounds: number; score: number; artifact: string; validation: { passed: boolean }; review: { passed: boolean } };
    expect(output).toMatchObject({ name: parsed.spec.name.package, rounds: 1, validation: { passed: true }, review: { passed: true } });
    expect(output.score).toBeGreaterThanOrEqual(90);

    // One parser call, one coder call per module (tests included), exactly one repair call.
    const chats = fake.chats();
    const bySchema = (name: string) => chats.filter((r) => schemaOf(r.body) === name);
    expect(bySchema('app_spec')).toHaveLength(1);
    const steps = await runner.getSteps(run.id);
    const coders = steps.filter((s) => s.key.startsWith('code/module[') || s.key.startsWith('test/tests['));
    expect(coders.length).toBeGreaterThanOrEqual(3);
    expect(coders.every((s) => s.uses === 'llm/generate' && s.status === 'completed')).toBe(true);
    expect(bySchema('module_files')).toHaveLength(coders.length);
    const repairs = bySchema('repaired_files');
    expect(repairs).toHaveLength(1);
    // The repair sees the finding as file:line and only the file it points at.
    const repairPrompt = userText(repairs[0]!.body as ChatBody);
    expect(repairPrompt).toMatch(/^src\/App\.tsx:\d+: error: /m);
    expect(repairPrompt.match(/^=== .* ===$/gm)).toEqual([`=== ${BROKEN} ===`]);
    expect(steps.find((s) => s.key === 'repair/round-1[0]')).toMatchObject({ uses: 'llm/repair', status: 'completed', output: { changed: [BROKEN] } });
    expect(steps.some((s) => s.key.startsWith('repair/round-2'))).toBe(false);

    const stored = await artifacts.get(run.id, output.artifact);
    const entries = readZip(stored!.content);
    expect(entries.find((e) => e.path === `${output.name}/${BROKEN}`)?.content).toBe(fixed);
    expect(entries).toHaveLength(project.size);

    // Streamed answers arrive as progress events, piece by piece, for coders and the repair.
    const events = (await runner.getEvents(run.id, 0, 5000)).sort((a, b) => a.id - b.id);
    const progress = events.filter((e) => e.type === 'progress' && typeof (e.data as { text?: unknown }).text === 'string');
    const textOf = (prefix: string) =>
      progress
        .filter((e) => e.stepKey?.startsWith(prefix))
        .map((e) => (e.data as { text: string }).text)
        .join('');
    expect(progress.filter((e) => e.stepKey === 'repair/round-1[0]').length).toBeGreaterThan(1);
    expect(JSON.parse(textOf('repair/round-1[0]'))).toEqual({ files: [{ path: BROKEN, content: fixed }] });
    expect(textOf('code/module[')).toContain(JSON.stringify(broken).slice(1, 40));

    // The loop ran again from the top after its spawn; the first validation replayed from its memo.
    const substeps = events.filter((e) => e.stepKey === 'repair' && e.type === 'substep.completed').map((e) => (e.data as { name: string }).name);
    expect(substeps).toEqual(['validate-1', 'validate-2']);

    // The key went to the server, and nowhere else.
    expect(chats.every((r) => r.headers.authorization === `Bearer ${SECRET}`)).toBe(true);
    expect(JSON.stringify(events)).not.toContain(SECRET);
    expect(JSON.stringify(steps)).not.toContain(SECRET);
    expect(JSON.stringify(done)).not.toContain(SECRET);
  }, 200_000);

  it('stops after repair-rounds when the repairs do not fix the project, and packages the last files', async () => {
    repairAnswer = [{ path: BROKEN, content: `${broken}\n// still broken\n` }];
    fx = await platformFixture({ config: llmConfig(fake), env: { FAKE_KEY: SECRET } });
    const { runner } = fx.platform;
    const { run } = await runner.start('generate-app-llm', { prompt: PROMPT, 'repair-rounds': 1 });
    const done = await runner.waitForRun(run.id, { timeoutMs: 150_000 });
    expect(done.status).toBe('completed');
    expect(done.output).toMatchObject({ rounds: 1, validation: { passed: false } });
    expect(fake.chats().filter((r) => schemaOf(r.body) === 'repaired_files')).toHaveLength(1);
    const repair = (await runner.getSteps(run.id)).find((s) => s.key === 'repair');
    expect((repair?.output as { files: { path: string; content: string }[] }).files.find((f) => f.path === BROKEN)?.content).toBe(repairAnswer[0]!.content);
  }, 200_000);

  it('refuses a repair that rewrites a file without findings', async () => {
    repairAnswer = [{ path: 'src/main.tsx', content: 'export {};\n' }];
    fx = await platformFixture({ config: llmConfig(fake), env: { FAKE_KEY: SECRET } });
    const { runner } = fx.platform;
    const { run } = await runner.start('generate-app-llm', { prompt: PROMPT });
    const done = await runner.waitForRun(run.id, { timeoutMs: 150_000 });
    expect(done.status).toBe('failed');
    const repair = (await runner.getSteps(run.id)).find((s) => s.key === 'repair/round-1[0]');
    expect(repair).toMatchObject({ status: 'failed', attempt: 1 });
    expect(repair?.error?.code).toBe('llm_output_invalid');
    expect(repair?.error?.message).toContain('unexpected file src/main.tsx');
    // The first answer and the default two repair turns, each shown the path error.
    const repairs = fake.chats().filter((r) => schemaOf(r.body) === 'repaired_files');
    expect(repairs).toHaveLength(3);
    expect(JSON.stringify(repairs[2]!.body)).toContain('unexpected file src/main.tsx');
  }, 200_000);

  it('parses by rules without an LLM, and stops the coders with llm_not_configured', async () => {
    fx = await platformFixture();
    const { runner } = fx.platform;
    const { run } = await runner.start('generate-app-llm', { prompt: PROMPT });
    const done = await runner.waitForRun(run.id, { timeoutMs: 60_000 });
    expect(done.status).toBe('failed');
    const steps = await runner.getSteps(run.id);
    expect(steps.find((s) => s.key === 'parse')).toMatchObject({ status: 'completed', output: parsed });
    const coder = steps.find((s) => s.key.startsWith('code/module['));
    expect(coder).toMatchObject({ status: 'failed', attempt: 1, uses: 'llm/generate' });
    expect(coder?.error?.code).toBe('llm_not_configured');
    expect(fake.requests).toHaveLength(0);
  }, 90_000);
});
