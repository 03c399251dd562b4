import { lineColumn } from '../../project.ts';
import type { Finding } from '../../report.ts';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose end tag HTML lets authors leave out; an unclosed one is not a mistake. */
const OPTIONAL_END = new Set([
  'html', 'head', 'body', 'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th',
  'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rt', 'rp',
]);
/** Their content is text up to the matching end tag, so tags inside them are not tags. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

interface OpenTag {
  name: string;
  offset: number;
}

/**
 * A light tag-balance check, not a parser: it finds end tags that close nothing, elements left
 * open, and unterminated comments, which is what a model typically gets wrong in HTML.
 */
export function htmlSyntaxFindings(path: string, text: string): Finding[] {
  const findings: Finding[] = [];
  const report = (offset: number, rule: string, message: string): void => {
    findings.push({ check: 'syntax', severity: 'error', file: path, ...lineColumn(text, offset), message, rule });
  };
  const stack: OpenTag[] = [];
  let index = 0;
  while ((index = text.indexOf('<', index)) !== -1) {
    if (text.startsWith('<!--', index)) {
      const end = text.indexOf('-->', index + 4);
      if (end === -1) {
        report(index, 'html-unclosed-comment', 'comment is never closed with -->');
        break;
      }
      index = end + 3;
      continue;
    }
    if (text.startsWith('<!', index) || text.startsWith('<?', index)) {
      index = tagEnd(text, index);
      continue;
    }
    const match = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(text.slice(index, index + 64));
    if (match === null) {
      index++;
      continue;
    }
    const closing = match[1] === '/';
    const name = (match[2] ?? '').toLowerCase();
    const end = tagEnd(text, index);
    const selfClosing = text[end - 2] === '/';
    if (closing) {
      closeTag(stack, name, index, report);
    } else if (RAW_TEXT.has(name) && !selfClosing) {
      const close = text.toLowerCase().indexOf(`</${name}`, end);
      if (close === -1) {
        report(index, 'html-unclosed-tag', `<${name}> is never closed`);
        break;
      }
      index = tagEnd(text, close);
      continue;
    } else if (!VOID.has(name) && !selfClosing) {
      stack.push({ name, offset: index });
    }
    index = end;
  }
  for (const open of stack) {
    if (!OPTIONAL_END.has(open.name)) report(open.offset, 'html-unclosed-tag', `<${open.name}> is never closed`);
  }
  return findings;
}

function closeTag(
  stack: OpenTag[],
  name: string,
  offset: number,
  report: (offset: number, rule: string, message: string) => void,
): void {
  let match = stack.length - 1;
  while (match >= 0 && stack[match]?.name !== name) match--;
  if (match < 0) {
    report(offset, 'html-unexpected-close', `</${name}> closes no open element`);
    return;
  }
  for (const open of stack.splice(match + 1)) {
    if (!OPTIONAL_END.has(open.name)) {
      report(open.offset, 'html-unclosed-tag', `<${open.name}> is not closed before </${name}>`);
    }
  }
  stack.pop();
}

/** Offset just after the '>' that ends the tag starting at `start`, skipping quoted attribute values. */
function tagEnd(text: string, start: number): number {
  let quote: string | undefined;
  for (let index = start + 1; index < text.length; index++) {
    const char = text[index];
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return index + 1;
    }
  }
  return text.length;
}
