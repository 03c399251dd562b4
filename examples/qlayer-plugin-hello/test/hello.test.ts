import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FatalStepError, testkit } from 'quantumlayer';
import hello from '../src/index.ts';

// One in-memory database for the file: starting PGlite takes a moment.
let kit: testkit.Testkit;
before(async () => {
  kit = await testkit.openTestkit({ plugins: [hello] });
});
after(() => kit.close());

const spec = {
  name: 'todo-app',
  description: 'Keeps track of things to do.',
  features: [{ title: 'Lists', description: 'Group tasks into lists' }, { title: 'Reminders' }],
  author: 'Ada',
  year: 2025,
};

describe('hello/greet', () => {
  it('greets by name', async () => {
    assert.deepEqual(await kit.runStep(hello, 'greet', { name: 'Ada', excited: true }), { message: 'Hello, Ada!' });
  });

  it('rejects an empty name, naming the field', async () => {
    await assert.rejects(kit.runStep(hello, 'greet', { name: '' }), (error: unknown) => {
      assert.ok(error instanceof FatalStepError);
      assert.equal(error.code, 'step_input_invalid');
      assert.match(error.message, /^invalid input for hello\/greet: name: /);
      return true;
    });
  });
});

describe('hello/readme', () => {
  it('writes README.md and an MIT LICENSE from a spec', async () => {
    const { files } = await kit.runStep(hello, 'readme', spec);
    assert.deepEqual(
      files.map((f) => f.path),
      ['README.md', 'LICENSE'],
    );
    const readme = files[0]!.content;
    assert.match(readme, /^# todo-app\n\nKeeps track of things to do\.\n/);
    assert.match(readme, /- \*\*Lists\*\*: Group tasks into lists\n- \*\*Reminders\*\*\n/);
    assert.match(files[1]!.content, /Copyright \(c\) 2025 Ada/);
  });

  it('writes no LICENSE for other licenses', async () => {
    const { files } = await kit.runStep(hello, 'readme', { ...spec, license: 'UNLICENSED' });
    assert.deepEqual(
      files.map((f) => f.path),
      ['README.md'],
    );
  });

  it('refuses a feature listed twice, without retrying', async () => {
    const twice = { ...spec, features: [{ title: 'Lists' }, { title: 'Lists' }] };
    await assert.rejects(kit.runStep(hello, 'readme', twice), { name: 'FatalStepError', code: 'hello_duplicate_feature' });
  });

  it('names the field of a bad spec', async () => {
    await assert.rejects(kit.runStep(hello, 'readme', { ...spec, name: 'Todo App' }), /invalid input for hello\/readme: name: use lower-case letters/);
  });

  it('works inside a YAML workflow', async () => {
    const run = await kit.runWorkflow(
      `name: docs
inputs:
  spec: { type: object }
steps:
  - id: readme
    uses: hello/readme@^0.1
    with: \${{ inputs.spec }}
  - id: greet
    uses: hello/greet
    with: { name: '\${{ inputs.spec.author }}' }
outputs:
  paths: \${{ steps.readme.output.files }}
  message: \${{ steps.greet.output.message }}
`,
      { input: { spec } },
    );
    assert.equal(run.status, 'completed', JSON.stringify(run.error));
    const output = run.output as { paths: { path: string }[]; message: string };
    assert.deepEqual(
      output.paths.map((f) => f.path),
      ['README.md', 'LICENSE'],
    );
    assert.equal(output.message, 'Hello, Ada.');
  });
});
