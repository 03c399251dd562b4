import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode, Scalar } from 'yaml';
import type { ValuePath } from './expressions/template.ts';

/** A parsed YAML file that can say where any value in it was written. */
export interface SourceFile {
  file: string;
  text: string;
  document: Document.Parsed;
  lines: LineCounter;
}

export interface Position {
  line: number;
  column: number;
}

/** Problems found while reading YAML, before the language is checked. */
export interface SyntaxProblem extends Position {
  message: string;
}

/**
 * Parses YAML 1.2 (core schema, no merge keys, unique keys) and converts it to plain data.
 * Aliases are expanded at most `maxAliasCount` times so a "billion laughs" file is refused.
 */
export function readYaml(file: string, text: string, maxAliasCount: number): { source: SourceFile; data: unknown; problems: SyntaxProblem[] } {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, strict: true, uniqueKeys: true, schema: 'core', merge: false, logLevel: 'error' });
  const source: SourceFile = { file, text, document, lines };
  const problems = syntaxProblems(source, [...document.errors, ...document.warnings]);
  if (problems.length > 0) return { source, data: undefined, problems };
  try {
    return { source, data: document.toJS({ maxAliasCount }), problems };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const excessive = message.startsWith('Excessive alias count');
    const alias = firstAlias(document, excessive ? undefined : message);
    return {
      source,
      data: undefined,
      problems: [
        {
          ...positionAt(source, alias?.range?.[0] ?? 0),
          message: excessive
            ? `YAML: aliases expand to more than ${maxAliasCount} nodes; refusing a file that grows exponentially when read`
            : `YAML: ${message}`,
        },
      ],
    };
  }
}

// After one syntax error the YAML parser often reports every later token too; past the first
// error on a line, and past a handful of lines, the rest is noise.
const MAX_SYNTAX_PROBLEMS = 5;

function syntaxProblems(source: SourceFile, errors: ReadonlyArray<{ code: string; message: string; pos: [number, number] }>): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const lines = new Set<number>();
  for (const error of [...errors].sort((a, b) => a.pos[0] - b.pos[0])) {
    const position = positionAt(source, error.pos[0]);
    if (lines.has(position.line)) continue;
    lines.add(position.line);
    if (problems.length === MAX_SYNTAX_PROBLEMS) {
      problems[problems.length - 1]!.message += '; later YAML errors are not shown, as they may follow from these';
      break;
    }
    problems.push({ ...position, message: `YAML: ${yamlMessage(error.code, error.message)}${hint(source, position.line)}` });
  }
  return problems;
}

// Unquoted, `${{ a: b }}` or `[${{ x }}]` is YAML syntax, not text: the commonest cause of a
// YAML error on a line with an expression.
function hint(source: SourceFile, line: number): string {
  const start = source.lines.lineStarts[line - 1] ?? 0;
  const end = source.lines.lineStarts[line] ?? source.text.length;
  return source.text.slice(start, end).includes('${{')
    ? "; quote a value that holds an expression, as in key: '${{ … }}', since YAML reads ': ', ' #', { } and [ ] in unquoted text"
    : '';
}

function yamlMessage(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'this key appears twice in the same mapping';
  if (code === 'MULTIPLE_DOCS') return 'a workflow file holds one YAML document; remove the `---` separator';
  return message;
}

function firstAlias(document: Document.Parsed, unresolvedMessage: string | undefined): YamlNode | undefined {
  let found: YamlNode | undefined;
  visit(document, {
    Alias(_, node) {
      if (unresolvedMessage === undefined || unresolvedMessage.endsWith(`: ${node.source}`)) {
        found = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

export function positionAt(source: SourceFile, offset: number): Position {
  const { line, col } = source.lines.linePos(Math.min(Math.max(offset, 0), source.text.length));
  return { line: Math.max(line, 1), column: col };
}

/**
 * Where the value at `path` is written; with `atKey`, where its key is. A path that does not
 * exist (a missing key) resolves to its nearest existing ancestor. `offset` is a position in a
 * string value, resolved exactly where the scalar's source text allows.
 */
export function locate(source: SourceFile, path: ValuePath, options: { atKey?: boolean; offset?: number } = {}): Position {
  let node: unknown = source.document.contents;
  let keyNode: unknown;
  let reached = true;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(segment));
      if (!pair) {
        reached = false;
        break;
      }
      keyNode = pair.key;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      keyNode = undefined;
      node = node.items[segment];
    } else {
      reached = false;
      break;
    }
  }
  const target = reached && options.atKey && keyNode !== undefined ? keyNode : node;
  const range = (target as { range?: [number, number, number] } | null)?.range;
  if (!range) return { line: 1, column: 1 };
  if (reached && !options.atKey && options.offset !== undefined && isScalar(target) && !isAlias(target)) {
    return positionAt(source, offsetInScalar(source, target, options.offset));
  }
  return positionAt(source, range[0]);
}

/** The source text of the scalar at `path`, or undefined when there is none. */
export function scalarText(source: SourceFile, path: ValuePath): string | undefined {
  const node = source.document.getIn(path, true);
  if (!isScalar(node) || !node.range) return undefined;
  return source.text.slice(node.range[0], node.range[1]);
}

// Maps an offset in a string's value back to the file, for the styles whose text maps one to one.
function offsetInScalar(source: SourceFile, scalar: Scalar, offset: number): number {
  const [start, end] = scalar.range!;
  const value = String(scalar.value);
  const raw = source.text.slice(start, end);
  if (scalar.type === Scalar.PLAIN && raw === value) return start + offset;
  if ((scalar.type === Scalar.QUOTE_SINGLE || scalar.type === Scalar.QUOTE_DOUBLE) && raw.slice(1, -1) === value) return start + 1 + offset;
  if (scalar.type === Scalar.BLOCK_LITERAL) {
    const before = value.slice(0, offset).split('\n');
    const lineIndex = before.length - 1;
    const column = before[lineIndex]!.length;
    const headerLine = positionAt(source, start).line;
    const lineStart = source.lines.lineStarts[headerLine + lineIndex];
    if (lineStart === undefined) return start;
    const firstContent = source.lines.lineStarts[headerLine] ?? lineStart;
    const indent = /^ */.exec(source.text.slice(firstContent))![0].length;
    return lineStart + indent + column;
  }
  return start;
}
