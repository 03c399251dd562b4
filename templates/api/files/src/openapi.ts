import { z } from 'zod';
import type { EntityDefinition, Features } from './entity.ts';

type Json = Record<string, unknown>;

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const problem = { description: 'Problem', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } };

const problem422 = { description: 'A reference names a record that does not exist (the issue names the field)', content: problem.content };
const problem409 = { description: 'Other records still refer to this one; delete or move them first', content: problem.content };

function listParameters(entity: EntityDefinition, features: Features): Json[] {
  const params: Json[] = [];
  for (const field of entity.fields) {
    if (field.type === 'reference') params.push({ name: field.name, in: 'query', required: false, description: `Only ${entity.plural.toLowerCase()} of this ${field.references ?? 'parent'} id`, schema: { type: 'integer' } });
    else if (features.filtering) params.push({ name: field.name, in: 'query', required: false, description: `Only ${entity.plural.toLowerCase()} whose ${field.name} equals this`, schema: { type: 'string' } });
  }
  if (features.search) params.push({ name: 'q', in: 'query', required: false, description: 'Text to search for', schema: { type: 'string' } });
  if (features.sorting) {
    params.push({ name: 'sort', in: 'query', required: false, schema: { type: 'string', enum: ['id', 'createdAt', ...entity.fields.map((field) => field.name)] } });
    params.push({ name: 'order', in: 'query', required: false, schema: { type: 'string', enum: ['asc', 'desc'] } });
  }
  const limit = features.pagination ? { maximum: 100, default: 20 } : { maximum: 1000, default: 1000 };
  params.push({ name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 0, ...limit } });
  params.push({ name: 'offset', in: 'query', required: false, schema: { type: 'integer', minimum: 0, default: 0 } });
  return params;
}

/** Says in the schema which entity a reference field's id belongs to. */
function describeReferences(schema: Json, entity: EntityDefinition, byTable: ReadonlyMap<string, EntityDefinition>): Json {
  const properties = schema.properties as Record<string, Json> | undefined;
  for (const field of entity.fields) {
    const parent = field.references === undefined ? undefined : byTable.get(field.references);
    const property = properties?.[field.name];
    if (parent === undefined || property === undefined) continue;
    property.description = `Id of the ${parent.name.toLowerCase()} (\`/${parent.path}/{id}\`) this ${entity.name.toLowerCase()} belongs to`;
    property['x-references'] = parent.name;
  }
  return schema;
}

/** The OpenAPI 3.1 description of every route, built from the same schemas that validate requests. */
export function openApiDocument(info: { title: string; version: string; description: string }, entities: readonly EntityDefinition[], features: Features, serverUrl = '/'): Json {
  const paths: Json = {};
  const schemas: Json = {
    Problem: { type: 'object', required: ['error', 'message'], properties: { error: { type: 'string' }, message: { type: 'string' }, issues: { type: 'array' } } },
  };
  const security = features.auth ? [{ bearer: [] }] : undefined;
  const byTable = new Map(entities.map((entity) => [entity.table, entity]));
  for (const entity of entities) {
    const input = describeReferences(z.toJSONSchema(entity.input, { io: 'input' }) as Json, entity, byTable);
    delete input.$schema;
    schemas[`${entity.name}Input`] = input;
    const patch = describeReferences(z.toJSONSchema(entity.input.partial(), { io: 'input' }) as Json, entity, byTable);
    delete patch.$schema;
    schemas[`${entity.name}Patch`] = patch;
    // Links: from a record to its parent, and to the list of its children.
    const links: Json = {};
    for (const field of entity.fields) {
      const parent = field.references === undefined ? undefined : byTable.get(field.references);
      if (parent !== undefined) links[field.name.replace(/Id$/, '')] = { operationId: `get${parent.name}`, parameters: { id: `$response.body#/${field.name}` }, description: `The ${parent.name.toLowerCase()} this ${entity.name.toLowerCase()} belongs to` };
    }
    for (const child of entities) {
      for (const field of child.fields.filter((candidate) => candidate.references === entity.table)) {
        links[`${child.path}By${field.name.charAt(0).toUpperCase()}${field.name.slice(1)}`] = { operationId: `list${child.plural}`, parameters: { [field.name]: '$response.body#/id' }, description: `The ${child.plural.toLowerCase()} of this ${entity.name.toLowerCase()}` };
      }
    }
    const linked = Object.keys(links).length === 0 ? {} : { links };
    const referencing = entity.fields.some((field) => field.references !== undefined) ? { 422: problem422 } : {};
    const referenced = entities.some((child) => child.fields.some((field) => field.references === entity.table)) ? { 409: problem409 } : {};
    schemas[entity.name] = {
      allOf: [{ $ref: `#/components/schemas/${entity.name}Input` }, { type: 'object', required: ['id', 'createdAt'], properties: { id: { type: 'integer' }, createdAt: { type: 'string', format: 'date-time' } } }],
    };
    const one = { content: { 'application/json': { schema: { $ref: `#/components/schemas/${entity.name}` } } } };
    const body = { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${entity.name}Input` } } } };
    const tags = [entity.plural];
    paths[`/${entity.path}`] = {
      get: {
        tags,
        operationId: `list${entity.plural}`,
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
      post: { tags, operationId: `create${entity.name}`, summary: `Create a ${entity.name.toLowerCase()}`, security, requestBody: body, responses: { 201: { description: 'Created', ...one, ...linked }, 400: problem, ...referencing } },
    };
    paths[`/${entity.path}/{id}`] = {
      parameters: [idParam],
      get: { tags, operationId: `get${entity.name}`, summary: `Read a ${entity.name.toLowerCase()}`, responses: { 200: { description: 'Found', ...one, ...linked }, 404: problem } },
      put: { tags, operationId: `replace${entity.name}`, summary: `Replace a ${entity.name.toLowerCase()}`, security, requestBody: body, responses: { 200: { description: 'Replaced', ...one, ...linked }, 400: problem, 404: problem, ...referencing } },
      patch: { tags, operationId: `update${entity.name}`, summary: `Update some fields of a ${entity.name.toLowerCase()}`, security, requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${entity.name}Patch` } } } }, responses: { 200: { description: 'Updated', ...one, ...linked }, 400: problem, 404: problem, ...referencing } },
      delete: { tags, operationId: `delete${entity.name}`, summary: `Delete a ${entity.name.toLowerCase()}`, security, responses: { 204: { description: 'Deleted' }, 404: problem, ...referenced } },
    };
  }
  const components: Json = { schemas };
  if (features.auth) components.securitySchemes = { bearer: { type: 'http', scheme: 'bearer' } };
  return { openapi: '3.1.0', info, servers: [{ url: serverUrl }], paths, components };
}
