/** Case conversions between the forms a name takes in a spec and in generated code. */

/** Splits `BookAuthor`, `book-author`, `book author` or `bookAuthor` into lower-case words. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^a-zA-Z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

export function pascalCase(name: string): string {
  return words(name).map(capitalize).join('');
}

export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  return `${pascal.charAt(0).toLowerCase()}${pascal.slice(1)}`;
}

export function kebabCase(name: string): string {
  return words(name).join('-');
}

export function snakeCase(name: string): string {
  return words(name).join('_');
}

/** `dueDate` → `Due date`: labels in forms and tables. */
export function sentenceCase(name: string): string {
  const text = words(name).join(' ');
  return capitalize(text);
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);
const ACRONYMS = new Set(['api', 'cli', 'csv', 'tsv', 'json', 'jsonl', 'crm', 'rest', 'faq', 'ui', 'id', 'url', 'html', 'css', 'seo', 'hr']);

/** `bookstore api` → `Bookstore API`. */
export function titleCase(text: string): string {
  return text
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map((word, i) => {
      const lower = word.toLowerCase();
      if (ACRONYMS.has(lower)) return lower.toUpperCase();
      if (i > 0 && SMALL_WORDS.has(lower)) return lower;
      return capitalize(lower);
    })
    .join(' ');
}

export function capitalize(word: string): string {
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}
