import { jsString } from '../../plugins/generator-templates/escape.ts';
import type { GeneratedFile } from '../../plugins/generator-templates/files.ts';
import type { EntityModel, FieldModel } from '../../plugins/generator-templates/model.ts';
import { numberedValue, sampleRecord, sampleValue } from '../../plugins/generator-templates/samples.ts';
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
    titleField: ${jsString(model.titleField)},
    listFields: [${model.listFields.map(jsString).join(', ')}],${toggle}
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

const literal = (value: unknown): string => (typeof value === 'string' ? jsString(value) : JSON.stringify(value));
const objectLiteral = (record: Record<string, unknown>): string => `{ ${Object.entries(record).map(([key, value]) => `${key}: ${literal(value)}`).join(', ')} }`;
const EDITABLE_AS_TEXT = new Set(['string', 'text', 'email', 'url', 'number', 'integer', 'date']);

/**
 * Component tests that use the app as a person would: find inputs by their labels, press
 * buttons and follow links by name, read the list, the details and the URL. They cover adding,
 * the detail view, editing (save, cancel, validation), deleting with confirmation, paging,
 * parents and children, and an axe-core accessibility check of every page. `persisted` adds
 * a reload test for localStorage apps.
 */
export function renderAppTest(spec: AppSpec, models: readonly EntityModel[], persisted: boolean): GeneratedFile {
  const blocks = models.map((entity, index) => {
    const one = entity.label.toLowerCase();
    const aOne = `${/^[aeiou]/i.test(one) ? 'an' : 'a'} ${one}`;
    const labelOf = (field: FieldModel): string => `${entity.label} ${field.label.toLowerCase()}`;
    const titleFieldModel = entity.fields.find((candidate) => candidate.name === entity.titleField);
    const filled = entity.fields.filter((field) => (field.required || field.name === entity.titleField) && field.name !== entity.toggleField && field.type !== 'reference' && field.type !== 'boolean');
    const title = (n: number): string => (titleFieldModel === undefined || titleFieldModel.type === 'reference' || titleFieldModel.type === 'boolean' ? `${entity.label} ${n + 1}` : textOf(entity, titleFieldModel, n));
    const fill = (n: number): string => filled.map((field) => `    await type(byLabel(view.container, ${jsString(labelOf(field))}), ${jsString(textOf(entity, field, n))});`).join('\n');
    const add = (n: number): string => `${fill(n)}
    await click(byRole(view.container, 'button', ${jsString(`Add ${one}`)}));`;
    const list = `byRole(view.container, 'list', ${jsString(entity.pluralLabel)})`;
    const home = jsString(`#/${entity.kebabPlural}`);
    const detailHash = (id: string): string => `\`#/${entity.kebabPlural}/\${${id}}\``;
    const model = `entities[${index}]!`;
    const record = (n: number): string => objectLiteral(sampleRecord(entity, n));
    const tests: string[] = [];

    tests.push(`  it('adds ${aOne} and lists it', async () => {
    const view = await start(${home});
    expect(view.container.textContent).toContain(${jsString(`No ${entity.pluralLabel.toLowerCase()} yet`)});
${add(0)}
    expect(${list}.textContent).toContain(${jsString(title(0))});
    expect((await store.list(${model}, all)).total).toBe(1);
  });`);
    const firstRequired = filled.find((field) => field.required);
    if (firstRequired !== undefined) {
      tests.push(`  it('says what is missing beside the field instead of adding an empty ${one}', async () => {
    const view = await start(${home});
    await click(byRole(view.container, 'button', ${jsString(`Add ${one}`)}));
    const input = byLabel(view.container, ${jsString(labelOf(firstRequired))});
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toBe(${jsString(`${firstRequired.label} is required`)});
    expect((await store.list(${model}, all)).total).toBe(0);
  });`);
    }
    tests.push(`  it('opens ${aOne} from the list at its own URL and shows every field', async () => {
    const record: Record<string, unknown> = ${record(0)};
    const created = await store.create(${model}, record);
    const view = await start(${home});
    await click(byRole(view.container, 'link', ${jsString(title(0))}));
    expect(window.location.hash).toBe(${detailHash('created.id')});
    expect(view.container.querySelector('h2')?.textContent).toBe(${jsString(title(0))});
    const shown = view.container.querySelector('dl')?.textContent ?? '';
    for (const field of ${model}.fields) expect(shown).toContain(field.label);
    for (const field of ${model}.fields) {
      const text = formatValue(field, record[field.name]);
      if (text !== '') expect(shown).toContain(text);
    }
  });`);
    const editField = titleFieldModel !== undefined && EDITABLE_AS_TEXT.has(titleFieldModel.type) ? titleFieldModel : entity.fields.find((field) => EDITABLE_AS_TEXT.has(field.type));
    if (editField !== undefined) {
      const before = textOf(entity, editField, 0);
      const after = textOf(entity, editField, 1);
      const heading = editField === titleFieldModel ? after : title(0);
      tests.push(`  it('edits ${aOne} with the create form, saves it and still shows the change after a reload', async () => {
    const created = await store.create(${model}, ${record(0)});
    let view = await start(${detailHash('created.id')});
    await click(byRole(view.container, 'link', ${jsString(`Edit ${title(0)}`)}));
    expect(window.location.hash).toBe(${detailHash('created.id')} + '/edit');
    const input = byLabel(view.container, ${jsString(labelOf(editField))});
    expect(input.value).toBe(${jsString(before)});
    await type(input, ${jsString(after)});
    await click(byRole(view.container, 'button', 'Save'));
    expect(window.location.hash).toBe(${detailHash('created.id')});
    expect(view.container.querySelector('h2')?.textContent).toBe(${jsString(heading)});
    expect(String((await store.get(${model}, created.id))?.${editField.name})).toBe(${jsString(after)});
    view = await reload(view);
    expect(view.container.querySelector('dl')?.textContent).toContain(formatValue(${model}.fields.find((field) => field.name === ${jsString(editField.name)})!, ${literal(sampleValue(entity, editField, 1))}));
  });

  it('cancels an edit of ${aOne} without saving', async () => {
    const created = await store.create(${model}, ${record(0)});
    const view = await start(${detailHash('created.id')} + '/edit');
    await type(byLabel(view.container, ${jsString(labelOf(editField))}), ${jsString(after)});
    await click(byRole(view.container, 'button', 'Cancel'));
    expect(window.location.hash).toBe(${detailHash('created.id')});
    expect(String((await store.get(${model}, created.id))?.${editField.name})).toBe(${jsString(before)});
  });`);
      if (editField.required) {
        tests.push(`  it('checks an edit of ${aOne} like a new one', async () => {
    const created = await store.create(${model}, ${record(0)});
    const view = await start(${detailHash('created.id')} + '/edit');
    await type(byLabel(view.container, ${jsString(labelOf(editField))}), '');
    await click(byRole(view.container, 'button', 'Save'));
    expect(queryAllByRole(view.container, 'alert').map((alert) => alert.textContent)).toContain(${jsString(`${editField.label} is required`)});
    expect(window.location.hash).toBe(${detailHash('created.id')} + '/edit');
    expect(String((await store.get(${model}, created.id))?.${editField.name})).toBe(${jsString(before)});
  });`);
      }
    }
    const toggle = entity.fields.find((field) => field.name === entity.toggleField);
    if (toggle !== undefined) {
      tests.push(`  it('marks ${aOne} as ${toggle.label.toLowerCase()}', async () => {
    const view = await start(${home});
${add(0)}
    await click(byRole(view.container, 'checkbox', ${jsString(`${toggle.label}: ${title(0)}`)}));
    expect((byRole(view.container, 'checkbox', ${jsString(`${toggle.label}: ${title(0)}`)}) as HTMLInputElement).checked).toBe(true);
    expect((await store.list(${model}, all)).items[0]?.${toggle.name}).toBe(true);
  });`);
      if (spec.features.filtering) {
        const labels = toggle.name === 'completed' || toggle.name === 'done' ? { on: 'Completed', off: 'Active' } : { on: toggle.label, off: `Not ${toggle.label.toLowerCase()}` };
        tests.push(`  it('filters ${entity.pluralLabel.toLowerCase()} by ${toggle.label.toLowerCase()}', async () => {
    const view = await start(${home});
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
    const view = await start(${home});
${add(0)}
${add(1)}
    await type(byLabel(view.container, ${jsString(`Search ${entity.pluralLabel.toLowerCase()}`)}), 'bravo');
    expect(queryAllByRole(${list}, 'listitem')).toHaveLength(1);
    expect(${list}.textContent).toContain(${jsString(title(1))});
  });`);
    }
    tests.push(`  it('deletes ${aOne} only once the deletion is confirmed', async () => {
    const view = await start(${home});
${add(0)}
    await click(byRole(view.container, 'button', ${jsString(`Delete ${title(0)}`)}));
    await click(byRole(view.container, 'button', ${jsString(`Keep ${title(0)}`)}));
    expect((await store.list(${model}, all)).total).toBe(1);
    await click(byRole(view.container, 'button', ${jsString(`Delete ${title(0)}`)}));
    await click(byRole(view.container, 'button', ${jsString(`Yes, delete ${title(0)}`)}));
    expect(view.container.textContent).not.toContain(${jsString(title(0))});
    expect((await store.list(${model}, all)).total).toBe(0);
  });`);
    const numbered = titleFieldModel === undefined ? [] : Array.from({ length: 25 }, (_, i) => numberedValue(entity, titleFieldModel, i + 1)).filter((value) => value !== undefined);
    const last = numbered.length === 25 ? String(numbered[24]) : undefined;
    const seed =
      last === undefined || titleFieldModel === undefined
        ? `    for (let n = 1; n <= 25; n++) await store.create(${model}, ${record(0)});`
        : `    const titles = [${numbered.map(literal).join(', ')}];
    for (const value of titles) await store.create(${model}, { ...${record(0)}, ${titleFieldModel.name}: value });`;
    tests.push(`  it('pages through 25 ${entity.pluralLabel.toLowerCase()}, 20 at a time, and reaches the 25th', async () => {
${seed}
    const view = await start(${home});
    expect(queryAllByRole(${list}, 'listitem')).toHaveLength(20);
    expect(view.container.textContent).toContain('Showing 1–20 of 25');
    await click(byRole(view.container, 'link', 'Next page'));
    expect(window.location.hash).toBe(${jsString(`#/${entity.kebabPlural}?page=2`)});
    expect(queryAllByRole(${list}, 'listitem')).toHaveLength(5);
    expect(view.container.textContent).toContain('Showing 21–25 of 25');${last === undefined ? '' : `
    await click(byRole(view.container, 'link', ${jsString(last)}));
    expect(view.container.querySelector('h2')?.textContent).toBe(${jsString(last)});`}
  });`);
    for (const field of entity.fields.filter((candidate) => candidate.type === 'reference')) {
      const parentIndex = models.findIndex((candidate) => candidate.name === field.references);
      const parent = models[parentIndex];
      if (parent === undefined) continue;
      const parentTitleField = parent.fields.find((candidate) => candidate.name === parent.titleField);
      const parentTitle = parentTitleField === undefined ? `${parent.label} 1` : textOf(parent, parentTitleField, 0);
      tests.push(`  it('picks the ${parent.label.toLowerCase()} of ${aOne}, shows its name in the list and lists the ${one} on the ${parent.label.toLowerCase()}', async () => {
    const parent = await store.create(entities[${parentIndex}]!, ${objectLiteral(sampleRecord(parent, 0))});
    const view = await start(${home});
${fill(0)}
    await type(byLabel(view.container, ${jsString(labelOf(field))}), String(parent.id));
    await click(byRole(view.container, 'button', ${jsString(`Add ${one}`)}));
    expect((await store.list(${model}, all)).items[0]?.${field.name}).toBe(parent.id);
    expect(${list}.textContent).toContain(${jsString(parentTitle)});
    await click(byRole(${list}, 'link', ${jsString(parentTitle)}));
    expect(window.location.hash).toBe(\`#/${parent.kebabPlural}/\${parent.id}\`);
    expect(byRole(view.container, 'list', ${jsString(`${entity.pluralLabel} of ${parentTitle}`)}).textContent).toContain(${jsString(title(0))});
  });`);
    }
    if (persisted) {
      tests.push(`  it('keeps ${entity.pluralLabel.toLowerCase()} after a reload', async () => {
    let view = await start(${home});
${add(0)}
    view = await reload(view);
    expect(${list}.textContent).toContain(${jsString(title(0))});
  });`);
    }
    tests.push(`  it('has no serious accessibility violations on the list, detail and edit pages', async () => {
    const created = await store.create(${model}, ${record(0)});
    const view = await start(${home});
    expect(await seriousViolations(view.container)).toEqual([]);
    await click(byRole(view.container, 'button', ${jsString(`Add ${one}`)}));
    expect(await seriousViolations(view.container)).toEqual([]);
    await go(${detailHash('created.id')});
    expect(await seriousViolations(view.container)).toEqual([]);
    await go(${detailHash('created.id')} + '/edit');
    expect(await seriousViolations(view.container)).toEqual([]);
  });`);
    return `describe(${jsString(entity.pluralLabel)}, () => {
${tests.join('\n\n')}
});`;
  });

  const storage = persisted ? `window.localStorage.clear();
  storage = window.localStorage;` : 'storage = memoryStorage();';
  return {
    path: 'test/app.test.tsx',
    content: `// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../src/App.tsx';
import { formatValue } from '../src/format.ts';
import { createLocalStore, memoryStorage } from '../src/local-store.ts';
import { entities, storageNamespace } from '../src/model.ts';
import type { Store } from '../src/types.ts';
import { seriousViolations } from './a11y.ts';
import { byLabel, byRole, click, go, queryAllByRole, render, type, type Rendered } from './dom.ts';

/** Every item at once, for checking what the store holds. */
const all = { offset: 0, limit: 1000 };
let storage: Storage;
let store: Store;
const mounted: Rendered[] = [];

beforeEach(() => {
  ${storage}
  store = createLocalStore(storage, storageNamespace, entities);
});

afterEach(async () => {
  for (const view of mounted.splice(0)) await view.unmount();
});

/** Opens the app at a URL hash, as a person following a link would. */
async function start(hash: string): Promise<Rendered> {
  window.location.hash = hash;
  const view = await render(<App store={store} />);
  mounted.push(view);
  return view;
}

/** Closes the app and opens it again at the same URL over the same stored data. */
async function reload(view: Rendered): Promise<Rendered> {
  await view.unmount();
  store = createLocalStore(storage, storageNamespace, entities);
  const again = await render(<App store={store} />);
  mounted.push(again);
  return again;
}

// Keeps the import used when every entity's tests leave it out.
void memoryStorage;

${blocks.join('\n\n')}
`,
  };
}
