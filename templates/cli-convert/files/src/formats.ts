import { DataError } from './io.ts';

export type Value = string | number | boolean | null;
export type Row = Record<string, Value>;

export const INPUT_FORMATS = ['csv', 'tsv', 'json', 'jsonl'] as const;
export const OUTPUT_FORMATS = ['csv', 'tsv', 'json', 'jsonl', 'markdown'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface ParseOptions {
  delimiter?: string;
  /** The first row holds column names (default); otherwise columns are column1, column2… */
  header?: boolean;
  /** Turn `42`, `true`, `` into 42, true, null; otherwise every value stays text. */
  infer?: boolean;
}

/** Splits delimited text into rows of cells (RFC 4180: quotes, doubled quotes, newlines in quotes). */
export function splitDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
    } else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      line++;
    } else {
      cell += c;
    }
  }
  if (quoted) throw new DataError(`unterminated quoted value starting before line ${line}`);
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  // Blank lines carry no record.
  return rows.filter((cells) => !(cells.length === 1 && cells[0] === ''));
}

function inferValue(text: string): Value {
  if (text === '') return null;
  if (text === 'true' || text === 'false') return text === 'true';
  // Leading zeros ("007", zip codes) stay text: they are identifiers, not numbers.
  if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return Number(text);
  return text;
}

export function parseDelimited(text: string, options: ParseOptions = {}): Row[] {
  const rows = splitDelimited(text, options.delimiter ?? ',');
  if (rows.length === 0) return [];
  const width = Math.max(...rows.map((cells) => cells.length));
  const header = options.header === false ? Array.from({ length: width }, (_, i) => `column${i + 1}`) : (rows.shift() ?? []);
  if (new Set(header).size !== header.length) throw new DataError(`the header row repeats a column name: ${header.join(', ')}`);
  return rows.map((cells, index) => {
    if (cells.length > header.length) throw new DataError(`row ${index + (options.header === false ? 1 : 2)} has ${cells.length} values but there are ${header.length} columns`);
    const row: Row = {};
    header.forEach((name, i) => {
      const cell = cells[i] ?? '';
      row[name] = options.infer === false ? cell : inferValue(cell);
    });
    return row;
  });
}

function asRows(value: unknown, where: string): Row[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new DataError(`${where}: item ${i + 1} is not an object`);
    return item as Row;
  });
}

export function parseJson(text: string): Row[] {
  try {
    return asRows(JSON.parse(text), 'JSON input');
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError(`the input is not valid JSON: ${(error as Error).message}`);
  }
}

export function parseJsonLines(text: string): Row[] {
  return text.split(/\r?\n/).flatMap((line, i) => {
    if (line.trim() === '') return [];
    try {
      return asRows(JSON.parse(line), `line ${i + 1}`);
    } catch (error) {
      if (error instanceof DataError) throw error;
      throw new DataError(`line ${i + 1} is not valid JSON`);
    }
  });
}

export function parse(format: InputFormat, text: string, options: ParseOptions = {}): Row[] {
  switch (format) {
    case 'csv':
      return parseDelimited(text, options);
    case 'tsv':
      return parseDelimited(text, { ...options, delimiter: options.delimiter ?? '\t' });
    case 'json':
      return parseJson(text);
    case 'jsonl':
      return parseJsonLines(text);
  }
}

/** Column names in the order they first appear. */
export function columnsOf(rows: readonly Row[]): string[] {
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  return columns;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function formatDelimited(rows: readonly Row[], delimiter: string): string {
  const columns = columnsOf(rows);
  const quote = (value: string): string => (value.includes(delimiter) || /["\r\n]/.test(value) || value.trim() !== value ? `"${value.replaceAll('"', '""')}"` : value);
  const lines = [columns.map(quote).join(delimiter), ...rows.map((row) => columns.map((column) => quote(text(row[column]))).join(delimiter))];
  return `${lines.join('\n')}\n`;
}

export function formatMarkdown(rows: readonly Row[]): string {
  const columns = columnsOf(rows);
  const cell = (value: unknown): string => text(value).replaceAll('|', '\\|').replace(/\r?\n/g, '<br>');
  const lines = [`| ${columns.map(cell).join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${columns.map((column) => cell(row[column])).join(' | ')} |`)];
  return `${lines.join('\n')}\n`;
}

export function format(to: OutputFormat, rows: readonly Row[], options: { delimiter?: string; indent?: number } = {}): string {
  switch (to) {
    case 'csv':
      return formatDelimited(rows, options.delimiter ?? ',');
    case 'tsv':
      return formatDelimited(rows, options.delimiter ?? '\t');
    case 'json':
      return `${JSON.stringify(rows, null, options.indent ?? 2)}\n`;
    case 'jsonl':
      return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
    case 'markdown':
      return formatMarkdown(rows);
  }
}
