import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entities } from '../src/entities/index.ts';
import { createTestApi, type TestApi } from './helpers.ts';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => {
  await api.db.close();
});

describe('service routes', () => {
  it('answers /health', async () => {
    const response = await api.call('GET', '/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('describes every entity in /openapi.json', async () => {
    const response = await api.call('GET', '/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(document.openapi).toBe('3.1.0');
    for (const entity of entities) {
      expect(document.paths).toHaveProperty(`/${entity.path}`);
      expect(document.paths).toHaveProperty(`/${entity.path}/{id}`);
      expect(document.components.schemas).toHaveProperty(`${entity.name}Input`);
      // PATCH accepts any subset of the fields, so its schema requires none.
      expect(document.components.schemas[`${entity.name}Patch`]).not.toHaveProperty('required');
    }
  });

  it('links each record to its parent and to its children', async () => {
    type Operation = { operationId?: string; responses: Record<string, { links?: Record<string, { operationId: string; parameters: Record<string, string> }> }> };
    const document = (await (await api.call('GET', '/openapi.json')).json()) as { paths: Record<string, Record<string, Operation>> };
    const operationIds = Object.values(document.paths).flatMap((item) => Object.values(item).map((operation) => operation.operationId));
    for (const entity of entities) {
      const links = document.paths[`/${entity.path}/{id}`]?.get?.responses['200']?.links ?? {};
      for (const field of entity.fields.filter((candidate) => candidate.references !== undefined)) {
        const parent = entities.find((candidate) => candidate.table === field.references)!;
        expect(Object.values(links)).toContainEqual(expect.objectContaining({ operationId: `get${parent.name}`, parameters: { id: `$response.body#/${field.name}` } }));
        const parentLinks = document.paths[`/${parent.path}/{id}`]?.get?.responses['200']?.links ?? {};
        expect(Object.values(parentLinks)).toContainEqual(expect.objectContaining({ operationId: `list${entity.plural}`, parameters: { [field.name]: '$response.body#/id' } }));
        expect(document.paths[`/${parent.path}/{id}`]?.delete?.responses).toHaveProperty('409');
        expect(document.paths[`/${entity.path}`]?.post?.responses).toHaveProperty('422');
      }
      for (const link of Object.values(links)) expect(operationIds).toContain(link.operationId);
    }
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await api.call('GET', '/no-such-route');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not_found' });
  });
});
