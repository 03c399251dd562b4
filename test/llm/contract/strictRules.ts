/**
 * OpenAI's documented rules for `response_format: { type: 'json_schema', json_schema: { strict: true } }`
 * (platform.openai.com/docs/guides/structured-outputs, "Supported schemas"), written
 * independently of core/llm/dialect.ts so that the converter is checked against the rules, not
 * against itself. Messages follow the shape of the API's own ("Invalid schema for
 * response_format 'x': In context=(...), ...").
 */

type Node = Record<string, unknown>;

const ALLOWED = new Set([
  'type', 'properties', 'required', 'additionalProperties', 'items', 'anyOf', 'enum', 'const', '$ref', '$defs', 'definitions',
  'description', 'title', '$schema', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minItems', 'maxItems',
]);
const FORMATS = new Set(['date-time', 'time', 'date', 'duration', 'email', 'hostname', 'ipv4', 'ipv6', 'uuid']);
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
export const LIMITS = { depth: 10, properties: 5_000, enumValues: 1_000, stringLength: 120_000, largeEnum: 250, largeEnumLength: 15_000 };

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every rule the schema breaks, as the API would word it; empty when the API would accept it. */
export function strictSchemaProblems(name: string, schema: unknown): string[] {
  const problems: string[] = [];
  const fail = (context: string[], what: string) =>
    problems.push(`Invalid schema for response_format '${name}': ${context.length ? `In context=(${context.map((c) => `'${c}'`).join(', ')}), ` : ''}${what}`);
  if (!isNode(schema)) {
    fail([], 'schema must be a JSON Schema object');
    return problems;
  }
  if (schema.type !== 'object') fail([], "schema must be a JSON Schema of 'type: \"object\"', got " + `'type: "${String(schema.type)}"'.`);
  if ('anyOf' in schema) fail([], "the root schema must not be 'anyOf'.");
  let properties = 0;
  let enumValues = 0;
  let chars = 0;
  let depth = 0;
  const defs = isNode(schema.$defs) ? schema.$defs : {};
  for (const defName of Object.keys(defs)) chars += defName.length;

  const visit = (node: unknown, context: string[], level: number): void => {
    if (!isNode(node)) return void fail(context, 'schema must be an object, not a boolean.');
    for (const key of Object.keys(node)) {
      if (!ALLOWED.has(key)) fail(context, `'${key}' is not permitted.`);
    }
    if (!('type' in node) && !('anyOf' in node) && !('$ref' in node) && !('enum' in node) && !('const' in node)) fail(context, "schema must have a 'type' key.");
    const types = Array.isArray(node.type) ? node.type : node.type === undefined ? [] : [node.type];
    for (const t of types) if (typeof t !== 'string' || !TYPES.has(t)) fail(context, `type '${String(t)}' is not supported.`);
    if (typeof node.format === 'string' && !FORMATS.has(node.format)) fail(context, `format '${node.format}' is not supported.`);
    if (typeof node.$ref === 'string') {
      const ref = node.$ref;
      const ok = ref === '#' || (ref.startsWith('#/$defs/') && ref.slice(8) in defs);
      if (!ok) fail(context, `reference '${ref}' cannot be resolved.`);
    }
    if (Array.isArray(node.enum)) {
      enumValues += node.enum.length;
      const length = node.enum.reduce<number>((n, v) => n + (typeof v === 'string' ? v.length : 0), 0);
      chars += length;
      if (node.enum.length > LIMITS.largeEnum && length > LIMITS.largeEnumLength) {
        fail(context, `enum has ${node.enum.length} values totalling ${length} characters; more than ${LIMITS.largeEnum} values may total at most ${LIMITS.largeEnumLength}.`);
      }
    }
    if (typeof node.const === 'string') chars += node.const.length;
    let inner = level;
    if (types.includes('object') || isNode(node.properties)) {
      inner = level + 1;
      depth = Math.max(depth, inner);
      if (node.additionalProperties !== false) fail(context, "'additionalProperties' is required to be supplied and to be false.");
      const props = isNode(node.properties) ? node.properties : {};
      const required = Array.isArray(node.required) ? node.required : undefined;
      const missing = Object.keys(props).filter((k) => !required?.includes(k));
      if (required === undefined || missing.length > 0) {
        fail(context, `'required' is required to be supplied and to be an array including every key in properties. Missing '${missing.join("', '")}'.`);
      }
      for (const [key, child] of Object.entries(props)) {
        properties += 1;
        chars += key.length;
        visit(child, [...context, 'properties', key], inner);
      }
    }
    if ('items' in node) visit(node.items, [...context, 'items'], inner);
    if (types.includes('array') && !('items' in node)) fail(context, "array schema missing items.");
    if (Array.isArray(node.anyOf)) node.anyOf.forEach((branch, i) => visit(branch, [...context, 'anyOf', String(i)], inner));
  };
  const { $defs: _defs, ...root } = schema;
  visit(root, [], 0);
  for (const [defName, def] of Object.entries(defs)) visit(def, ['$defs', defName], 0);
  if (depth > LIMITS.depth) fail([], `too many levels of nesting: ${depth} > ${LIMITS.depth}.`);
  if (properties > LIMITS.properties) fail([], `too many object properties: ${properties} > ${LIMITS.properties}.`);
  if (enumValues > LIMITS.enumValues) fail([], `too many enum values: ${enumValues} > ${LIMITS.enumValues}.`);
  if (chars > LIMITS.stringLength) fail([], `total string length of property names, definition names, enum and const values ${chars} > ${LIMITS.stringLength}.`);
  return problems;
}
