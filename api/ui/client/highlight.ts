/**
 * A small syntax highlighter for what generated projects hold: JavaScript and TypeScript (with
 * JSX tags in .jsx/.tsx), JSON, HTML and CSS; other files are shown plain. Tokens become spans
 * built with textContent, so file content is never parsed as markup.
 */
const KEYWORDS = new Set(('abstract as async await break case catch class const continue debugger declare default delete do else enum export ' +
  'extends false finally for from function get if implements import in instanceof interface keyof let new null of private protected ' +
  'public readonly return satisfies set static super switch this throw true try type typeof undefined var void while with yield').split(' '));

/** A piece of text and its token class (`kw`, `str`…), or null for plain text. */
export type Token = [string | null, string];
type Classified = string | null | Token[];

function lex(text: string, source: RegExp, classify: (match: RegExpExecArray) => Classified): Token[] {
  // A fresh RegExp per call: classify may lex a part with the same pattern, and a shared
  // lastIndex would send the outer loop back to the start.
  const pattern = new RegExp(source.source, source.flags);
  const out: Token[] = [];
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text))) {
    if (m[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    if (m.index > last) out.push([null, text.slice(last, m.index)]);
    const cls = classify(m);
    if (Array.isArray(cls)) out.push(...cls);
    else out.push([cls, m[0]]);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push([null, text.slice(last)]);
  return out;
}

const STRING = '"(?:[^"\\\\\\n]|\\\\.)*"|\'(?:[^\'\\\\\\n]|\\\\.)*\'';
const JS = new RegExp('(//[^\\n]*|/\\*[\\s\\S]*?\\*/)|(' + STRING + '|\\x60(?:[^\\x60\\\\]|\\\\[\\s\\S])*\\x60)|(</?[A-Za-z][\\w.-]*)|\\b(0[xX][\\da-fA-F_]+|\\d[\\d_]*(?:\\.\\d+)?(?:[eE][+-]?\\d+)?n?)\\b|([A-Za-z_$][\\w$]*)', 'g');
const JSON_RE = new RegExp('("(?:[^"\\\\\\n]|\\\\.)*")(?=\\s*:)|("(?:[^"\\\\\\n]|\\\\.)*")|(-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)|\\b(true|false|null)\\b', 'g');
const CSS_RE = new RegExp('(/\\*[\\s\\S]*?\\*/)|(' + STRING + ')|(@[\\w-]+)|([{}])|(#[\\da-fA-F]{3,8}\\b)|(-?\\d*\\.?\\d+(?:px|r?em|%|s|ms|vh|vw|fr|deg)?)|([\\w-]+)(?=\\s*:(?!:))', 'g');
const HTML_RE = /(<!--[\s\S]*?-->)|(<\/?[A-Za-z][^>]*>)/g;
const TAG_RE = new RegExp('^(</?[\\w:-]+)|([\\w:-]+)(?==)|("[^"]*"|\'[^\']*\')', 'g');

function js(text: string, jsx: boolean): Token[] {
  return lex(text, JS, (m): Classified => {
    if (m[1]) return 'com';
    if (m[2]) return 'str';
    // Outside JSX files a '<' starts a comparison or a type argument, not a tag.
    if (m[3]) return jsx ? 'tag' : [[null, '<'], ...js(m[3].slice(1), false)];
    if (m[4]) return 'num';
    return KEYWORDS.has(m[5] ?? '') ? 'kw' : null;
  });
}

function json(text: string): Token[] {
  return lex(text, JSON_RE, (m) => (m[1] ? 'prop' : m[2] ? 'str' : m[3] ? 'num' : 'kw'));
}

function css(text: string): Token[] {
  let depth = 0;
  return lex(text, CSS_RE, (m) => {
    if (m[1]) return 'com';
    if (m[2]) return 'str';
    if (m[3]) return 'kw';
    if (m[4]) {
      depth = Math.max(0, depth + (m[4] === '{' ? 1 : -1));
      return null;
    }
    if (m[5] || m[6]) return 'num';
    return depth > 0 ? 'prop' : null;
  });
}

function markup(text: string): Token[] {
  return lex(text, HTML_RE, (m) => (m[1] ? 'com' : lex(m[2] ?? '', TAG_RE, (t) => (t[1] ? 'tag' : t[2] ? 'attr' : 'str'))));
}

export function languageOf(path: string): string {
  const ext = (path.split('.').pop() || '').toLowerCase();
  if (['js', 'mjs', 'cjs', 'ts', 'mts', 'cts'].includes(ext)) return 'js';
  if (ext === 'jsx' || ext === 'tsx') return 'jsx';
  if (ext === 'json' || ext === 'webmanifest') return 'json';
  if (['html', 'htm', 'svg', 'xml'].includes(ext)) return 'html';
  if (ext === 'css') return 'css';
  return 'plain';
}

export function tokenize(text: string, language: string): Token[] {
  if (language === 'js' || language === 'jsx') return js(text, language === 'jsx');
  if (language === 'json') return json(text);
  if (language === 'css') return css(text);
  if (language === 'html') return markup(text);
  return [[null, text]];
}

/** A pre.code element with one span.line per line, as the server renders plain files. */
export function renderCode(text: string, path: string): HTMLPreElement {
  const pre = document.createElement('pre');
  pre.className = 'code';
  pre.tabIndex = 0;
  pre.setAttribute('aria-label', path);
  const code = document.createElement('code');
  code.dataset.language = languageOf(path);
  let lineEl = document.createElement('span');
  lineEl.className = 'line';
  const finish = () => {
    code.append(lineEl, '\n');
    lineEl = document.createElement('span');
    lineEl.className = 'line';
  };
  for (const [cls, value] of tokenize(text.replace(/\n$/, ''), languageOf(path))) {
    const parts = value.split('\n');
    parts.forEach((part: string, i: number) => {
      if (i > 0) finish();
      if (part === '') return;
      if (cls) {
        const span = document.createElement('span');
        span.className = 'tok-' + cls;
        span.textContent = part;
        lineEl.append(span);
      } else {
        lineEl.append(part);
      }
    });
  }
  finish();
  pre.append(code);
  return pre;
}
