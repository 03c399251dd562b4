import { comment, jsString } from '../../plugins/generator-templates/escape.ts';
import type { GeneratedFile } from '../../plugins/generator-templates/files.ts';
import type { EntityModel, FieldModel } from '../../plugins/generator-templates/model.ts';
import { invalidValue, sampleRecord, sampleValue } from '../../plugins/generator-templates/samples.ts';
import { kebabCase } from '../../plugins/parser/names.ts';
import type { AppSpec, Features } from '../../plugins/parser/spec.ts';

/** Entity-driven files of the Hono API, shared by the rest-api and fullstack kinds. */

function zodFor(field: FieldModel): string {
  let schema: string;
  switch (field.type) {
    case 'string':
      schema = field.required ? 'z.string().trim().min(1).max(200)' : 'z.string().trim().max(200)';
      break;
    case 'text':
      schema = field.required ? 'z.string().trim().min(1).max(10000)' : 'z.string().max(10000)';
      break;
    case 'email':
      schema = 'z.email()';
      break;
    case 'url':
      schema = "z.url({ protocol: /^https?$/ })";
      break;
    case 'number':
      schema = 'z.number()';
      break;
    case 'integer':
      schema = 'z.int()';
      break;
    case 'boolean':
      return `z.boolean().optional()`;
    case 'date':
      schema = 'z.iso.date()';
      break;
    case 'enum':
      schema = `z.enum([${(field.options ?? []).map(jsString).join(', ')}])`;
      break;
    case 'reference':
      schema = 'z.int().positive()';
      break;
  }
  return field.required ? schema : `${schema}.nullable().optional()`;
}

export function entityFileName(entity: EntityModel): string {
  return kebabCase(entity.name);
}

export function renderEntity(entity: EntityModel, models: readonly EntityModel[]): GeneratedFile {
  const tableOf = (name: string | undefined): string => models.find((model) => model.name === name)?.table ?? '';
  const fields = entity.fields.map((field) => {
    const references = field.references === undefined ? '' : `, references: ${jsString(tableOf(field.references))}`;
    return `    { name: ${jsString(field.name)}, type: ${jsString(field.type)}, required: ${field.required}${references} },`;
  });
  const content = `import { z } from 'zod';
import type { EntityDefinition } from '../entity.ts';

/** What a client may send for a ${comment(entity.label.toLowerCase())}; \`id\` and \`createdAt\` are set by the server. */
export const ${entity.camel}Input = z.strictObject({
${entity.fields.map((field) => `  ${field.name}: ${zodFor(field)},`).join('\n')}
});

export type ${entity.name}Input = z.infer<typeof ${entity.camel}Input>;

export const ${entity.camel}: EntityDefinition = {
  name: ${jsString(entity.name)},
  plural: ${jsString(entity.plural)},
  table: ${jsString(entity.table)},
  path: ${jsString(entity.kebabPlural)},
  fields: [
${fields.join('\n')}
  ],
  input: ${entity.camel}Input,
};
`;
  return { path: `src/entities/${entityFileName(entity)}.ts`, content };
}

export function renderEntityIndex(models: readonly EntityModel[]): GeneratedFile {
  const imports = models.map((model) => `import { ${model.camel} } from './${entityFileName(model)}.ts';`).join('\n');
  return {
    path: 'src/entities/index.ts',
    content: `import type { EntityDefinition } from '../entity.ts';
${imports}

/** Every entity, parents before children (tables are created in this order). */
export const entities: readonly EntityDefinition[] = [${models.map((model) => model.camel).join(', ')}];
`,
  };
}

export function renderAppInfo(spec: AppSpec, features: Features): GeneratedFile {
  return {
    path: 'src/app-info.ts',
    content: `import type { Features } from './entity.ts';

export const appInfo = {
  title: ${jsString(spec.name.title)},
  version: '0.1.0',
  description: ${jsString(spec.description)},
};

export const features: Features = {
  filtering: ${features.filtering},
  search: ${features.search},
  sorting: ${features.sorting},
  pagination: ${features.pagination},
  auth: ${features.auth},
};
`,
  };
}

const literal = (value: unknown): string => (typeof value === 'string' ? jsString(value) : JSON.stringify(value));
const objectLiteral = (record: Record<string, unknown>): string => `{ ${Object.entries(record).map(([key, value]) => `${key}: ${literal(value)}`).join(', ')} }`;

/** Tests of one entity's routes, written against its own fields and sample values. */
export function renderEntityTest(entity: EntityModel, models: readonly EntityModel[], features: Features, prefix = ''): GeneratedFile {
  const base = `${prefix}/${entity.kebabPlural}`;
  const one = entity.label.toLowerCase();
  const valid = sampleRecord(entity, 0);
  const other = sampleRecord(entity, 1);
  const required = entity.fields.find((field) => field.required && field.type !== 'reference');
  const typed = entity.fields.find((field) => field.type !== 'string' && field.type !== 'text' && field.type !== 'reference') ?? entity.fields.find((field) => field.type !== 'reference');
  const filterField = entity.fields.find((field) => field.type === 'boolean') ?? entity.fields.find((field) => field.type === 'enum') ?? entity.fields.find((field) => field.name === entity.titleField);
  const textFields = entity.fields.filter((field) => ['string', 'text', 'email', 'url', 'enum'].includes(field.type));
  const sortField = entity.fields.find((field) => field.name === entity.titleField);
  const tests: string[] = [];

  tests.push(`  it('creates a ${one} and reads it back', async () => {
    const created = await api.call('POST', '${base}', valid);
    expect(created.status).toBe(201);
    const record = await created.json();
    expect(record).toMatchObject(valid);
    expect(record.id).toBeTypeOf('number');
    const read = await api.call('GET', \`${base}/\${record.id}\`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(record);
  });`);

  tests.push(`  it('lists ${entity.pluralLabel.toLowerCase()}', async () => {
    await api.call('POST', '${base}', valid);
    const response = await api.call('GET', '${base}');
    expect(response.status).toBe(200);
    const page = await response.json();
    expect(page.total).toBeGreaterThanOrEqual(1);
    expect(page.items.some((item: Record<string, unknown>) => item.${entity.titleField} === valid.${entity.titleField})).toBe(true);
  });`);

  const optional = entity.fields.find((field) => !field.required && field.type !== 'reference');
  const requiredOnly = Object.fromEntries(entity.fields.filter((field) => field.required && field.type !== 'reference').map((field) => [field.name, other[field.name]]));
  const clearedCheck =
    optional === undefined
      ? ''
      : `
    const minimal = await api.call('PUT', \`${base}/\${record.id}\`, ${objectLiteral(requiredOnly)});
    expect((await minimal.json()).${optional.name}).toBe(${optional.type === 'boolean' ? 'false' : 'null'});`;
  tests.push(`  it('updates a ${one} with PATCH and replaces it with PUT', async () => {
    const record = await (await api.call('POST', '${base}', valid)).json();
    const patched = await api.call('PATCH', \`${base}/\${record.id}\`, { ${entity.titleField}: other.${entity.titleField} });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ ...valid, ${entity.titleField}: other.${entity.titleField} });
    const replaced = await api.call('PUT', \`${base}/\${record.id}\`, other);
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toMatchObject({ id: record.id, ...other });${clearedCheck}
  });`);

  tests.push(`  it('deletes a ${one}', async () => {
    const record = await (await api.call('POST', '${base}', valid)).json();
    expect((await api.call('DELETE', \`${base}/\${record.id}\`)).status).toBe(204);
    expect((await api.call('GET', \`${base}/\${record.id}\`)).status).toBe(404);
    expect((await api.call('DELETE', \`${base}/\${record.id}\`)).status).toBe(404);
  });`);

  if (required !== undefined) {
    tests.push(`  it('rejects a ${one} without ${required.label.toLowerCase()}', async () => {
    const { ${required.name}: _omitted, ...rest } = valid;
    const response = await api.call('POST', '${base}', rest);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toBe('validation_failed');
    expect(body.issues.map((issue: { path: string }) => issue.path)).toContain(${jsString(required.name)});
  });`);
  }
  const bad = typed === undefined ? undefined : invalidValue(typed);
  if (typed !== undefined && bad !== undefined) {
    tests.push(`  it('rejects a ${one} whose ${typed.label.toLowerCase()} is not a valid ${typed.type}', async () => {
    const response = await api.call('POST', '${base}', { ...valid, ${typed.name}: ${literal(bad)} });
    expect(response.status).toBe(400);
    expect((await response.json()).issues.map((issue: { path: string }) => issue.path)).toContain(${jsString(typed.name)});
  });`);
  }
  tests.push(`  it('rejects fields it does not know and bodies that are not JSON', async () => {
    expect((await api.call('POST', '${base}', { ...valid, notAField: 1 })).status).toBe(400);
    const response = await api.app.request('${base}', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token }, body: '{' });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe('invalid_json');
  });`);
  tests.push(`  it('answers 404 for a ${one} that does not exist', async () => {
    const response = await api.call('GET', '${base}/999999');
    expect(response.status).toBe(404);
    expect((await response.json()).error).toBe('not_found');
  });`);

  if (features.filtering && filterField !== undefined) {
    const value = sampleValue(entity, filterField, 1);
    tests.push(`  it('filters ${entity.pluralLabel.toLowerCase()} by ${filterField.label.toLowerCase()}', async () => {
    await api.call('POST', '${base}', valid);
    await api.call('POST', '${base}', other);
    const response = await api.call('GET', '${base}?${filterField.name}=' + encodeURIComponent(String(${literal(value)})));
    expect(response.status).toBe(200);
    const page = await response.json();
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) expect(item.${filterField.name}).toBe(${literal(value)});
  });`);
  }
  if (features.search && textFields.length > 0) {
    tests.push(`  it('searches ${entity.pluralLabel.toLowerCase()} by text', async () => {
    await api.call('POST', '${base}', valid);
    await api.call('POST', '${base}', other);
    const page = await (await api.call('GET', '${base}?q=bravo')).json();
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) expect(JSON.stringify(item).toLowerCase()).toContain('bravo');
  });`);
  }
  if (features.sorting && sortField !== undefined) {
    tests.push(`  it('sorts ${entity.pluralLabel.toLowerCase()} by ${sortField.label.toLowerCase()}', async () => {
    await api.call('POST', '${base}', valid);
    await api.call('POST', '${base}', other);
    const page = await (await api.call('GET', '${base}?sort=${sortField.name}&order=desc')).json();
    const values = page.items.map((item: Record<string, unknown>) => item.${sortField.name});
    expect(values.length).toBeGreaterThanOrEqual(2);
    expect([...values].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))).toEqual(values);
    expect((await api.call('GET', '${base}?sort=notAField')).status).toBe(400);
  });`);
  }
  if (features.pagination) {
    tests.push(`  it('pages through ${entity.pluralLabel.toLowerCase()}', async () => {
    await api.call('POST', '${base}', valid);
    await api.call('POST', '${base}', other);
    const first = await (await api.call('GET', '${base}?limit=1')).json();
    const second = await (await api.call('GET', '${base}?limit=1&offset=1')).json();
    expect(first.items).toHaveLength(1);
    expect(second.items).toHaveLength(1);
    expect(first.total).toBeGreaterThanOrEqual(2);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect((await api.call('GET', '${base}?limit=-1')).status).toBe(400);
  });`);
  }
  for (const field of entity.fields.filter((candidate) => candidate.type === 'reference')) {
    const parent = models.find((model) => model.name === field.references);
    if (parent === undefined) continue;
    const parentBase = `${prefix}/${parent.kebabPlural}`;
    tests.push(`  it('links a ${one} to its ${parent.label.toLowerCase()} and lists ${entity.pluralLabel.toLowerCase()} by ${parent.label.toLowerCase()}', async () => {
    const parent = await (await api.call('POST', '${parentBase}', ${objectLiteral(sampleRecord(parent, 0))})).json();
    const otherParent = await (await api.call('POST', '${parentBase}', ${objectLiteral(sampleRecord(parent, 1))})).json();
    const record = await (await api.call('POST', '${base}', { ...valid, ${field.name}: parent.id })).json();
    const elsewhere = await (await api.call('POST', '${base}', { ...other, ${field.name}: otherParent.id })).json();
    expect(record.${field.name}).toBe(parent.id);
    const page = await (await api.call('GET', \`${base}?${field.name}=\${parent.id}\`)).json();
    const ids = page.items.map((item: { id: number }) => item.id);
    expect(ids).toContain(record.id);
    expect(ids).not.toContain(elsewhere.id);
    for (const item of page.items) expect(item.${field.name}).toBe(parent.id);
  });`);
    tests.push(`  it('refuses a ${one} whose ${field.label.toLowerCase()} does not exist with a 422 naming ${field.name}', async () => {
    const existing = await (await api.call('POST', '${base}', valid)).json();
    const created = await api.call('POST', '${base}', { ...valid, ${field.name}: 999999 });
    const patched = await api.call('PATCH', \`${base}/\${existing.id}\`, { ${field.name}: 999999 });
    for (const response of [created, patched]) {
      expect(response.status).toBe(422);
      const body = await response.json();
      expect(body.error).toBe('invalid_reference');
      expect(body.message).toContain(${jsString(field.name)});
      expect(body.issues.map((issue: { path: string }) => issue.path)).toEqual([${jsString(field.name)}]);
    }
  });`);
    const aParent = `${/^[aeiou]/i.test(parent.label) ? 'an' : 'a'} ${parent.label.toLowerCase()}`;
    tests.push(`  it('refuses to delete ${aParent} that still has ${entity.pluralLabel.toLowerCase()} (restrict), then deletes it once they are gone', async () => {
    const parent = await (await api.call('POST', '${parentBase}', ${objectLiteral(sampleRecord(parent, 2))})).json();
    const record = await (await api.call('POST', '${base}', { ...valid, ${field.name}: parent.id })).json();
    const refused = await api.call('DELETE', \`${parentBase}/\${parent.id}\`);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toBe('has_children');
    expect((await api.call('GET', \`${parentBase}/\${parent.id}\`)).status).toBe(200);
    expect((await api.call('DELETE', \`${base}/\${record.id}\`)).status).toBe(204);
    expect((await api.call('DELETE', \`${parentBase}/\${parent.id}\`)).status).toBe(204);
  });`);
  }
  if (features.auth) {
    tests.push(`  it('refuses to create a ${one} without the API token but lets anyone read', async () => {
    const denied = await api.app.request('${base}', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(valid) });
    expect(denied.status).toBe(401);
    expect((await api.app.request('${base}')).status).toBe(200);
  });`);
  }

  const content = `import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, token, type TestApi } from './helpers.ts';

const valid = ${objectLiteral(valid)};
const other = ${objectLiteral(other)};

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => {
  await api.db.close();
});

describe('${base}', () => {
${tests.join('\n\n')}
});
`;
  return { path: `test/${entity.kebabPlural}.test.ts`, content };
}
