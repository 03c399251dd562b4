import type { WorkflowIssue } from './errors.ts';
import type { ValuePath } from './expressions/template.ts';
import { locate, scalarText, type Position, type SourceFile } from './source.ts';

export interface Site {
  path: ValuePath;
  atKey?: boolean | undefined;
  /** Offset inside a string value (where an expression or part of one starts). */
  offset?: number | undefined;
}

/** Collects problems by path in the document and resolves them to lines and columns at the end. */
export class Problems {
  private readonly items: Array<{ position: Position; message: string }> = [];

  constructor(private readonly source: SourceFile | undefined, private readonly file: string) {}

  add(site: Site, message: string): void {
    this.addAt(this.position(site), message);
  }

  position(site: Site): Position {
    return this.source ? locate(this.source, site.path, { atKey: site.atKey, offset: site.offset }) : { line: 1, column: 1 };
  }

  addAt(position: Position, message: string): void {
    this.items.push({ position, message });
  }

  /** The text of a scalar as written in the file. */
  sourceText(path: ValuePath): string | undefined {
    return this.source ? scalarText(this.source, path) : undefined;
  }

  get size(): number {
    return this.items.length;
  }

  /** In file order, each problem once. */
  issues(): WorkflowIssue[] {
    const seen = new Set<string>();
    return this.items
      .map(({ position, message }) => ({
        path: `${this.file}:${position.line}:${position.column}`,
        message,
        file: this.file,
        line: position.line,
        column: position.column,
      }))
      .sort((a, b) => a.line - b.line || a.column - b.column)
      .filter((issue) => {
        const key = `${issue.path} ${issue.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  }
}

/** `steps.build.retry`, naming steps by id where they have one, as authors think of them. */
export function displayPath(path: ValuePath, data: unknown): string {
  let out = '';
  let current: unknown = data;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    current = typeof current === 'object' && current !== null ? (current as Record<string | number, unknown>)[segment] : undefined;
    if (typeof segment === 'number') {
      const id = path[i - 1] === 'steps' && i === 1 ? (current as { id?: unknown } | undefined)?.id : undefined;
      out += typeof id === 'string' && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(id) ? `.${id}` : `[${segment}]`;
    } else {
      out += /^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment) ? `${out === '' ? '' : '.'}${segment}` : `[${JSON.stringify(segment)}]`;
    }
  }
  return out;
}
