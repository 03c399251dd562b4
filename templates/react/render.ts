import { jsString } from '../../plugins/generator-templates/escape.ts';
import type { GeneratedFile } from '../../plugins/generator-templates/files.ts';
import type { EntityModel, FieldModel } from '../../plugins/generator-templates/model.ts';
import { sampleValue } from '../../plugins/generator-templates/samples.ts';
import type { AppSpec } from '../../plugins/parser/spec.ts';

/** Entity-driven files of the React client, shared by the react-spa and fullstack kinds. */

function fieldLiteral(field: FieldModel, models: readonly EntityModel[]): string {
  const parts = [`name: ${jsString(field.name)}`, `label: ${jsString(field.label)}`, `type: ${jsString(field.type)}`, `required: ${field.required}`];
  if (field.options !== undefined) parts.push(`options: [${field.options.map(jsString).join(', ')}]`);
  if (field.references !== undefined) parts.push(`references: ${jsString(models.find((model) => model.name === field.references)?.kebabPlural ?? '')}`);
  return `{ ${parts.join(', ')} }`;
}

export function renderClientModel(spec: AppSpec, models: readonly EntityModel[]): GeneratedFile {
  const entities = models.map((model) => {
    const toggle = model.toggleField === undefined ? '' : `\n    toggleField: ${jsString(model.toggleField)},`;
    return `  {
    key: ${jsString(model.kebabPlural)},
    label: ${jsString(model.label)},
    pluralLabel: ${jsString(model.pluralLabel)},
    titleField: ${jsString(model.titleField)},${toggle}
    fields: [
${model.fields.map((field) => `      ${fieldLiteral(field, models)},`).join('\n')}
    ],
  },`;
  });
  return {
    path: 'src/model.ts',
    content: `import type { EntityModel, Features } from './types.ts';

export const appTitle = ${jsString(spec.name.title)};

/** Prefix of this app's localStorage keys, so two generated apps on one origin do not mix. */
export const storageNamespace = ${jsString(spec.name.package)};

export const entities: readonly EntityModel[] = [
${entities.join('\n')}
];

export const features: Features = {
  filtering: ${spec.features.filtering},
  search: ${spec.features.search},
  sorting: ${spec.features.sorting},
};
`,
  };
}

function textOf(entity: EntityModel, field: FieldModel, n: number): string {
  return String(sampleValue(entity, field, n));
}

/**
 * Component tests that use the app as a person would: find inputs by their labels, press
 * buttons by name, read the list. `persisted` adds a reload test for localStorage apps.
 */
export function renderAppTest(spec: AppSpec, models: readonly EntityModel[], persisted: boolean): GeneratedFile {
  const blocks = models.map((entity, index) => {
    const one = entity.label.toLowerCase();
    const required = entity.fields.filter((field) => field.required && field.name !== entity.toggleField && field.type !== 'reference' && field.type !== 'boolean');
    const title = (n: number): string => {
      const field = entity.fields.find((candidate) => candidate.name === entity.titleField);
      return field === undefined ? `${entity.label} ${n + 1}` : textOf(entity, field, n);
    };
    const fill = (n: number): string =>
      required.map((field) => `    await type(byLabel(view.container, ${jsString(`${entity.label} ${field.label.toLowerCase()}`)}), ${jsString(textOf(entity, field, n))});`).join('\n');
    const add = (n: number): string => `${fill(n)}
    await click(byRole(view.container, 'button', ${jsString(`Add ${one}`)}));`;
    const list = `byRole(view.container, 'list', ${jsString(entity.pluralLabel)})`;
    const open = models.length > 1 ? `\n    await click(byRole(view.container, 'button', ${jsString(entity.pluralLabel)}));` : '';
    const model = `entities[${index}]!`;
    const tests: string[] = [];

    tests.push(`  it('adds a ${one} and lists it', async () => {
    const view = await start();${open}
${add(0)}
    expect(${list}.textContent).toContain(${jsString(title(0))});
    expect(await store.list(${model})).toHaveLength(1);
  });`);
    const firstRequired = required[0];
    if (firstRequired !== undefined) {
      tests.push(`  it('says what is missing instead of adding an empty ${one}', async () => {
    const view = await start();${open}
    await click(byRole(view.container, 'button', ${jsString(`Add ${one}`)}));
    expect(queryAllByRole(view.container, 'alert').map((alert) => alert.textContent)).toContain(${jsString(`${firstRequired.label} is required`)});
    expect(await store.list(${model})).toHaveLength(0);
  });`);
    }
    const toggle = entity.fields.find((field) => field.name === entity.toggleField);
    if (toggle !== undefined) {
      tests.push(`  it('marks a ${one} as ${toggle.label.toLowerCase()}', async () => {
    const view = await start();${open}
${add(0)}
    const checkbox = byRole(view.container, 'checkbox', ${jsString(`${toggle.label}: ${title(0)}`)}) as HTMLInputElement;
    expect(checkbox.checked).toBe(false);
    await click(checkbox);
    expect(checkbox.checked).toBe(true);
    expect((await store.list(${model}))[0]?.${toggle.name}).toBe(true);
  });`);
      if (spec.features.filtering) {
        const labels = toggle.name === 'completed' || toggle.name === 'done' ? { on: 'Completed', off: 'Active' } : { on: toggle.label, off: `Not ${toggle.label.toLowerCase()}` };
        tests.push(`  it('filters ${entity.pluralLabel.toLowerCase()} by ${toggle.label.toLowerCase()}', async () => {
    const view = await start();${open}
${add(0)}
${add(1)}
    await click(byRole(view.container, 'checkbox', ${jsString(`${toggle.label}: ${title(1)}`)}));
    await click(byRole(view.container, 'button', ${jsString(labels.on)}));
    expect(${list}.textContent).toContain(${jsString(title(1))});
    expect(${list}.textContent).not.toContain(${jsString(title(0))});
    await click(byRole(view.container, 'button', ${jsString(labels.off)}));
    expect(${list}.textContent).toContain(${jsString(title(0))});
    expect(${list}.textContent).not.toContain(${jsString(title(1))});
    await click(byRole(view.container, 'button', 'All'));
    expect(queryAllByRole(${list}, 'listitem')).toHaveLength(2);
  });`);
      }
    }
    if (spec.features.search) {
      tests.push(`  it('searches ${entity.pluralLabel.toLowerCase()}', async () => {
    const view = await start();${open}
${add(0)}
${add(1)}
    await type(byLabel(view.container, ${jsString(`Search ${entity.pluralLabel.toLowerCase()}`)}), 'bravo');
    expect(queryAllByRole(${list}, 'listitem')).toHaveLength(1);
    expect(${list}.textContent).toContain(${jsString(title(1))});
  });`);
    }
    tests.push(`  it('deletes a ${one}', async () => {
    const view = await start();${open}
${add(0)}
    await click(byRole(view.container, 'button', ${jsString(`Delete ${title(0)}`)}));
    expect(${list}.textContent).not.toContain(${jsString(title(0))});
    expect(await store.list(${model})).toHaveLength(0);
  });`);
    if (persisted) {
      tests.push(`  it('keeps ${entity.pluralLabel.toLowerCase()} after a reload', async () => {
    let view = await start();${open}
${add(0)}
    await view.unmount();
    view = await render(<App store={createLocalStore(window.localStorage, storageNamespace)} />);
    mounted.push(view);${open}
    expect(${list}.textContent).toContain(${jsString(title(0))});
  });`);
    }
    return `describe(${jsString(entity.pluralLabel)}, () => {
${tests.join('\n\n')}
});`;
  });

  const storeSetup = persisted
    ? `  window.localStorage.clear();
  store = createLocalStore(window.localStorage, storageNamespace);`
    : `  store = createLocalStore(memoryStorage(), storageNamespace);`;
  return {
    path: 'test/app.test.tsx',
    content: `// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../src/App.tsx';
import { createLocalStore, memoryStorage } from '../src/local-store.ts';
import { entities, storageNamespace } from '../src/model.ts';
import type { Store } from '../src/types.ts';
import { byLabel, byRole, click, queryAllByRole, render, type, type Rendered } from './dom.ts';

let store: Store;
const mounted: Rendered[] = [];

async function start(): Promise<Rendered> {
${storeSetup}
  const view = await render(<App store={store} />);
  mounted.push(view);
  return view;
}

afterEach(async () => {
  for (const view of mounted.splice(0)) await view.unmount();
});

// Keeps the import used when every entity's tests leave it out.
void memoryStorage;

${blocks.join('\n\n')}
`,
  };
}
