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

  it('answers unknown routes with a JSON 404', async () => {
    const response = await api.call('GET', '/no-such-route');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not_found' });
  });
});
