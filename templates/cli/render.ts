import { comment, json, jsString } from '../../plugins/generator-templates/escape.ts';
import type { GeneratedFile } from '../../plugins/generator-templates/files.ts';
import { entityModels, type EntityModel } from '../../plugins/generator-templates/model.ts';
import { invalidValue, sampleValue } from '../../plugins/generator-templates/samples.ts';
import { templateFiles } from '../../plugins/generator-templates/template-files.ts';
import type { AppSpec } from '../../plugins/parser/spec.ts';
import { SERVER_TSCONFIG } from '../rest-api/render.ts';
import { fieldTable, renderGitignore, renderPackageJson, renderReadme } from '../shared/render.ts';

/** A Node command-line tool: a format converter, or a manager of records in a JSON file. */
export function cliFiles(spec: AppSpec): GeneratedFile[] {
  const command = spec.name.package;
  const mode = spec.cli?.mode ?? 'manage';
  const models = entityModels(spec);
  const modeFiles = spec.cli?.mode === 'convert' ? convertFiles(spec, spec.cli.from, spec.cli.to) : manageFiles(spec, models);
  const example =
    spec.cli?.mode === 'convert'
      ? `npx ${command} input.${spec.cli.from} -o output.${spec.cli.to === 'markdown' ? 'md' : spec.cli.to}`
      : models.map((model) => `npx ${command} ${model.kebabPlural} add ${model.fields.filter((field) => field.required).map((field) => `--${field.name} "${String(sampleValue(model, field, 0))}"`).join(' ')}\nnpx ${command} ${model.kebabPlural} list`).join('\n');
  return [
    ...templateFiles('cli'),
    ...modeFiles,
    renderPackageJson(spec, {
      bin: { [command]: 'dist/cli.js' },
      scripts: {
        build: 'tsc -p tsconfig.build.json',
        prestart: 'npm run build',
        start: 'node dist/cli.js',
        pretest: 'npm run build',
        test: 'vitest run',
        typecheck: 'tsc -p tsconfig.json',
      },
      dependencies: [],
      devDependencies: ['@types/node', 'typescript', 'vitest'],
    }),
    { path: 'tsconfig.json', content: json({ ...SERVER_TSCONFIG, compilerOptions: { ...SERVER_TSCONFIG.compilerOptions, noEmit: true }, include: ['src', 'test', 'vitest.config.ts'] }) },
    { path: 'tsconfig.build.json', content: json({ ...SERVER_TSCONFIG, compilerOptions: { ...SERVER_TSCONFIG.compilerOptions, outDir: 'dist', rootDir: 'src' }, include: ['src'] }) },
    renderGitignore(mode === 'manage' ? [`${command}.json`] : []),
    renderReadme(spec, `npm install\nnpm test\nnpm start -- --help    # builds, then runs the tool`, [
      {
        heading: 'Use',
        body: `After \`npm run build\`, \`npm link\` puts \`${command}\` on your PATH; \`npx ${command}\` works inside this folder.\n\n\`\`\`sh\n${example}\n\`\`\`\n\n\`--help\` lists every option. Exit codes: 0 done, 1 bad input data, 2 wrong command line.`,
      },
      ...(mode === 'manage'
        ? [{ heading: 'Data', body: `Records are kept in \`${command}.json\` in the current folder (\`--data <file>\` chooses another).\n\n${models.map((model) => `### ${model.pluralLabel}\n\n${fieldTable(model.fields)}`).join('\n\n')}` }]
        : []),
    ]),
  ];
}

function convertFiles(spec: AppSpec, from: string, to: string): GeneratedFile[] {
  return [
    ...templateFiles('cli-convert'),
    {
      path: 'src/app-info.ts',
      content: `import type { InputFormat, OutputFormat } from './formats.ts';

export const appInfo: { command: string; version: string; description: string; from: InputFormat; to: OutputFormat } = {
  command: ${jsString(spec.name.package)},
  version: '0.1.0',
  description: ${jsString(`Converts ${from.toUpperCase()} to ${to === 'markdown' ? 'Markdown' : to.toUpperCase()}.`)},
  from: ${jsString(from)},
  to: ${jsString(to)},
};
`,
    },
  ];
}

function manageFiles(spec: AppSpec, models: readonly EntityModel[]): GeneratedFile[] {
  const entities = models.map((model) => {
    const fields = model.fields.map((field) => {
      const options = field.options === undefined ? '' : `, options: [${field.options.map(jsString).join(', ')}]`;
      return `      { name: ${jsString(field.name)}, type: ${jsString(field.type)}, required: ${field.required}${options} },`;
    });
    return `  {
    key: ${jsString(model.kebabPlural)},
    label: ${jsString(model.label)},
    pluralLabel: ${jsString(model.pluralLabel)},
    titleField: ${jsString(model.titleField)},
    fields: [
${fields.join('\n')}
    ],
  },`;
  });
  return [
    ...templateFiles('cli-manage'),
    {
      path: 'src/model.ts',
      content: `export interface FieldModel {
  name: string;
  type: 'string' | 'text' | 'number' | 'integer' | 'boolean' | 'date' | 'email' | 'url' | 'enum' | 'reference';
  required: boolean;
  options?: readonly string[];
}

export interface EntityModel {
  /** The collection's name on the command line and in the data file. */
  key: string;
  label: string;
  pluralLabel: string;
  titleField: string;
  fields: readonly FieldModel[];
}

export const appInfo = {
  command: ${jsString(spec.name.package)},
  version: '0.1.0',
  description: ${jsString(`Keeps ${models.map((model) => model.pluralLabel.toLowerCase()).join(', ')} in a JSON file.`)},
};

export const entities: readonly EntityModel[] = [
${entities.join('\n')}
];
`,
    },
    renderManageTest(models),
  ];
}

function renderManageTest(models: readonly EntityModel[]): GeneratedFile {
  const blocks = models.map((model) => {
    const required = model.fields.filter((field) => field.required);
    const args = (n: number): string => required.flatMap((field) => [jsString(`--${field.name}`), jsString(String(sampleValue(model, field, n)))]).join(', ');
    const title = model.fields.find((field) => field.name === model.titleField);
    const titleValue = (n: number): string => (title === undefined ? '' : String(sampleValue(model, title, n)));
    const typed = model.fields.find((field) => !['string', 'text'].includes(field.type));
    const bad = typed === undefined ? undefined : invalidValue(typed);
    const tests = [
      `  it('adds, lists, updates and removes ${model.pluralLabel.toLowerCase()}', async () => {
    const added = await cli([${jsString(model.kebabPlural)}, 'add', ${args(0)}]);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('#1');
    const listed = JSON.parse((await cli([${jsString(model.kebabPlural)}, 'list', '--json'])).stdout);
    expect(listed).toEqual([expect.objectContaining({ id: 1, ${model.titleField}: ${literal(title === undefined ? null : sampleValue(model, title, 0))} })]);
    expect((await cli([${jsString(model.kebabPlural)}, 'update', '1', ${jsString(`--${model.titleField}`)}, ${jsString(titleValue(1))}])).code).toBe(0);
    expect((await cli([${jsString(model.kebabPlural)}, 'list'])).stdout).toContain(${jsString(titleValue(1))});
    expect((await cli([${jsString(model.kebabPlural)}, 'remove', '1'])).code).toBe(0);
    expect((await cli([${jsString(model.kebabPlural)}, 'list'])).stdout).toContain('No ${model.pluralLabel.toLowerCase()} yet.');
  });`,
      `  it('reports a ${model.label.toLowerCase()} that does not exist with exit code 1', async () => {
    const result = await cli([${jsString(model.kebabPlural)}, 'remove', '999']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('#999');
  });`,
    ];
    const first = required[0];
    if (first !== undefined) {
      tests.push(`  it('refuses to add a ${model.label.toLowerCase()} without --${first.name}', async () => {
    const result = await cli([${jsString(model.kebabPlural)}, 'add']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--${first.name} is required');
  });`);
    }
    if (typed !== undefined && bad !== undefined) {
      tests.push(`  it('refuses a ${model.label.toLowerCase()} whose ${comment(typed.label.toLowerCase())} is not valid', async () => {
    const result = await cli([${jsString(model.kebabPlural)}, 'add', ${args(0)}${args(0) === '' ? '' : ', '}${jsString(`--${typed.name}`)}, ${jsString(String(bad))}]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--${typed.name}');
  });`);
    }
    return `describe(${jsString(model.kebabPlural)}, () => {\n${tests.join('\n\n')}\n});`;
  });
  return {
    path: 'test/cli.test.ts',
    content: `import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appInfo, entities } from '../src/model.ts';
import { runCli } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'cli-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (args: string[]) => runCli([...args, '--data', join(dir, 'data.json')], { cwd: dir });

describe('help', () => {
  it('lists every collection and command', async () => {
    const result = await runCli(['--help'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(\`Usage: \${appInfo.command}\`);
    for (const entity of entities) expect(result.stdout).toContain(\`\${entity.key} add\`);
  });

  it('exits 2 for an unknown collection', async () => {
    expect((await cli(['nothing', 'list'])).code).toBe(2);
  });
});

${blocks.join('\n\n')}
`,
  };
}

const literal = (value: unknown): string => (typeof value === 'string' ? jsString(value) : JSON.stringify(value));
