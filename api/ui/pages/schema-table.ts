import { html, type Html } from '../html.ts';

type Schema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  default?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
};

interface Row {
  name: string;
  type: string;
  required: boolean;
  notes: string;
}

const MAX_DEPTH = 2;

function typeOf(s: Schema): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.map(typeOf).join(' | ');
  if (s.type === 'array') return s.items ? `array of ${typeOf(s.items)}` : 'array';
  if (Array.isArray(s.type)) return s.type.join(' | ');
  return s.type ?? 'any';
}

function notesOf(s: Schema): string {
  const notes: string[] = [];
  if (s.description) notes.push(s.description);
  if (s.enum) notes.push(`one of ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  if (s.default !== undefined) notes.push(`default ${JSON.stringify(s.default)}`);
  if (s.minLength !== undefined || s.maxLength !== undefined) notes.push(`length ${s.minLength ?? 0}–${s.maxLength ?? '∞'}`);
  // Zod writes ±2^53 bounds on every integer; they say nothing to a reader.
  if (s.minimum !== undefined && Math.abs(s.minimum) < 2 ** 53 - 1) notes.push(`at least ${s.minimum}`);
  if (s.maximum !== undefined && Math.abs(s.maximum) < 2 ** 53 - 1) notes.push(`at most ${s.maximum}`);
  if (s.pattern) notes.push(`matches ${s.pattern}`);
  return notes.join('; ');
}

/** Object properties as rows, nested ones as dotted names (`spec.name`, `files[].path`). */
function rows(s: Schema, prefix: string, depth: number, out: Row[]): void {
  const object = s.type === 'array' ? s.items : s;
  if (!object?.properties || depth > MAX_DEPTH) return;
  const arrayMark = s.type === 'array' ? '[]' : '';
  for (const [name, prop] of Object.entries(object.properties)) {
    const full = prefix === '' ? name : `${prefix}${arrayMark}.${name}`;
    out.push({ name: full, type: typeOf(prop), required: (object.required ?? []).includes(name), notes: notesOf(prop) });
    rows(prop, full, depth + 1, out);
  }
}

/** A JSON Schema as a table people can read, with the schema itself one click away. */
export function schemaTable(schema: unknown, caption: string): Html {
  const out: Row[] = [];
  const s = (typeof schema === 'object' && schema !== null ? schema : {}) as Schema;
  rows(s, '', 0, out);
  return html`${
    out.length === 0
      ? html`<p><strong>${caption}:</strong> ${typeOf(s)}${notesOf(s) ? ` (${notesOf(s)})` : ''}</p>`
      : html`<table class="schema responsive"><caption>${caption}</caption>
<thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Notes</th></tr></thead>
<tbody>${out.map(
          (r) => html`<tr><th scope="row" data-label="Field"><code>${r.name}</code></th><td data-label="Type">${r.type}</td><td data-label="Required">${r.required ? 'yes' : 'no'}</td><td data-label="Notes">${r.notes}</td></tr>`,
        )}</tbody></table>`
  }
<details><summary>${caption} as JSON Schema</summary><pre class="json" tabindex="0">${JSON.stringify(schema, null, 2)}</pre></details>`;
}
