import { PromptUnsupportedError } from './errors.ts';
import { FORMAT_WORDS } from './lexicon.ts';
import { DATA_FORMATS, type DataFormat } from './spec.ts';

export interface Conversion {
  from: DataFormat;
  to: DataFormat;
}

const FORMAT = Object.keys(FORMAT_WORDS).join('|');
// "csv to json", "csv files into json", "from csv to a markdown table", "csv2json".
const PAIR = new RegExp(`\\b(${FORMAT})(?:\\s+(?:files?|data|documents?|spreadsheets?|records|rows))?\\s*(?:to|into|->|2)\\s*(?:an?\\s+|pretty\\s+)?(${FORMAT})\\b`);

/** Finds a format-to-format request; refuses formats the generated converter cannot read or write. */
export function detectConversion(normalized: string): Conversion | undefined {
  const match = PAIR.exec(normalized);
  if (match === null) return undefined;
  const from = FORMAT_WORDS[match[1] ?? ''];
  const to = FORMAT_WORDS[match[2] ?? ''];
  if (from === undefined || to === undefined || from === to) return undefined;
  if (!isFormat(from) || !isFormat(to) || from === 'markdown') {
    throw new PromptUnsupportedError(
      `converting ${from} to ${to} is not supported; a converter CLI reads csv, tsv, json or jsonl and writes csv, tsv, json, jsonl or markdown`,
    );
  }
  return { from, to };
}

function isFormat(value: string): value is DataFormat {
  return (DATA_FORMATS as readonly string[]).includes(value);
}
