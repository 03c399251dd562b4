/** Escaping for each target language a user's words can land in. */

/** A JavaScript/TypeScript string literal, safe inside `<script>` too. */
export function jsString(value: string): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/</g, '\\u003c');
}

/** Text or a double-quoted attribute value in HTML. */
export function html(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A JSON document, formatted as npm formats package.json. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Inline Markdown text: characters that would start formatting are escaped. */
export function markdown(value: string): string {
  return value.replace(/[\\`*_{}[\]<>()#+!|]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** A line comment's text: no newline can end the comment early. */
export function comment(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\*\//g, '* /');
}
