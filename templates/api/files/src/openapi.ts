import { z } from 'zod';
import type { EntityDefinition, Features } from './entity.ts';

type Json = Record<string, unknown>;

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const problem = { description: 'Problem', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } };

function listParameters(entity: EntityDefinition, features: Features): Json[] {
  const params: Json[] = [];
  if (features.filtering) {
    for (const field of entity.fields) params.push({ name: field.name, in: 'query', required: false, description: `Only ${entity.plural.toLowerCase()} whose ${field.name} equals this`, schema: { type: 'string' } });
  }
  if (features.search) params.push({ name: 'q', in: 'query', required: false, description: 'Text to search for', schema: { type: 'string' } });
  if (features.sorting) {
    params.push({ name: 'sort', in: 'query', required: false, schema: { type: 'string', enum: ['id', 'createdAt', ...entity.fields.map((field) => field.name)] } });
    params.push({ name: 'order', in: 'query', required: false, schema: { type: 'string', enum: ['asc', 'desc'] } });
  }
  if (features.pagination) {
    params.push({ name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 0, maximum: 100, default: 20 } });
    params.push({ name: 'offset', in: 'query', required: false, schema: { type: 'integer', minimum: 0, default: 0 } });
  }
  return params;
}

/** The OpenAPI 3.1 description of every route, built from the same schemas that validate requests. */
export function openApiDocument(info: { title: string; version: string; description: string }, entities: readonly EntityDefinition[], features: Features, serverUrl = '/'): Json {
  const paths: Json = {};
  const schemas: Json = {
    Problem: { type: 'object', required: ['error', 'message'], properties: { error: { type: 'string' }, message: { type: 'string' }, issues: { type: 'array' } } },
  };
  const security = features.auth ? [{ bearer: [] }] : undefined;
  for (const entity of entities) {
    const input = z.toJSONSchema(entity.input, { io: 'input' }) as Json;
    delete input.$schema;
    schemas[`${entity.name}Input`] = input;
    const patch = z.toJSONSchema(entity.input.partial(), { io: 'input' }) as Json;
    delete patch.$schema;
    schemas[`${entity.name}Patch`] = patch;
    schemas[entity.name] = {
      allOf: [{ $ref: `#/components/schemas/${entity.name}Input` }, { type: 'object', required: ['id', 'createdAt'], properties: { id: { type: 'integer' }, createdAt: { type: 'string', format: 'date-time' } } }],
    };
    const one = { content: { 'application/json': { schema: { $ref: `#/components/schemas/${entity.name}` } } } };
    const body = { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${entity.name}Input` } } } };
    const tags = [entity.plural];
    paths[`/${entity.path}`] = {
      get: {
        tags,
        summary: `List ${entity.plural.toLowerCase()}`,
        parameters: listParameters(entity, features),
        responses: {
          200: {
            description: 'A page of results',
            content: { 'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: { $ref: `#/components/schemas/${entity.name}` } }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } } } } },
          },
          400: problem,
        },
      },
      post: { tags, summary: `Create a ${entity.name.toLowerCase()}`, security, requestBody: body, responses: { 201: { description: 'Created', ...one }, 400: problem } },
    };
    paths[`/${entity.path}/{id}`] = {
      parameters: [idParam],
      get: { tags, summary: `Read a ${entity.name.toLowerCase()}`, responses: { 200: { description: 'Found', ...one }, 404: problem } },
      put: { tags, summary: `Replace a ${entity.name.toLowerCase()}`, security, requestBody: body, responses: { 200: { description: 'Replaced', ...one }, 400: problem, 404: problem } },
      patch: { tags, summary: `Update some fields of a ${entity.name.toLowerCase()}`, security, requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${entity.name}Patch` } } } }, responses: { 200: { description: 'Updated', ...one }, 400: problem, 404: problem } },
      delete: { tags, summary: `Delete a ${entity.name.toLowerCase()}`, security, responses: { 204: { description: 'Deleted' }, 404: problem } },
    };
  }
  const components: Json = { schemas };
  if (features.auth) components.securitySchemes = { bearer: { type: 'http', scheme: 'bearer' } };
  return { openapi: '3.1.0', info, servers: [{ url: serverUrl }], paths, components };
}
