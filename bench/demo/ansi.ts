/**
 * A tmux capture (`capture-pane -e`: text with SGR colour codes) as HTML, for Chromium to draw
 * the terminal frames. Only SGR is handled: that is all capture-pane emits.
 */
const BASIC = ['#1f2328', '#f85149', '#3fb950', '#d29922', '#58a6ff', '#bc8cff', '#39c5cf', '#e6edf3'];
const BRIGHT = ['#6e7681', '#ff7b72', '#56d364', '#e3b341', '#79c0ff', '#d2a8ff', '#56d4dd', '#ffffff'];

interface Style {
  fg?: string;
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
}

/** xterm's 256 colours: 16 named, a 6×6×6 cube, 24 greys. */
function color256(n: number): string {
  if (n < 8) return BASIC[n] ?? BASIC[7]!;
  if (n < 16) return BRIGHT[n - 8] ?? BRIGHT[7]!;
  if (n < 232) {
    const i = n - 16;
    const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
    return `rgb(${level(Math.floor(i / 36))},${level(Math.floor(i / 6) % 6)},${level(i % 6)})`;
  }
  const grey = 8 + (n - 232) * 10;
  return `rgb(${grey},${grey},${grey})`;
}

function apply(style: Style, codes: number[]): Style {
  const next = { ...style };
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i] ?? 0;
    if (c === 0) for (const key of Object.keys(next)) delete next[key as keyof Style];
    else if (c === 1) next.bold = true;
    else if (c === 2) next.dim = true;
    else if (c === 3) next.italic = true;
    else if (c === 4) next.underline = true;
    else if (c === 7) next.inverse = true;
    else if (c === 22) next.bold = next.dim = false;
    else if (c === 23) next.italic = false;
    else if (c === 24) next.underline = false;
    else if (c === 27) next.inverse = false;
    else if (c >= 30 && c <= 37) next.fg = BASIC[c - 30];
    else if (c === 39) delete next.fg;
    else if (c >= 40 && c <= 47) next.bg = BASIC[c - 40];
    else if (c === 49) delete next.bg;
    else if (c >= 90 && c <= 97) next.fg = BRIGHT[c - 90];
    else if (c >= 100 && c <= 107) next.bg = BRIGHT[c - 100];
    else if ((c === 38 || c === 48) && codes[i + 1] === 5) {
      next[c === 38 ? 'fg' : 'bg'] = color256(codes[i + 2] ?? 7);
      i += 2;
    } else if ((c === 38 || c === 48) && codes[i + 1] === 2) {
      next[c === 38 ? 'fg' : 'bg'] = `rgb(${codes[i + 2] ?? 0},${codes[i + 3] ?? 0},${codes[i + 4] ?? 0})`;
      i += 4;
    }
  }
  return next;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function css(style: Style): string {
  const fg = style.inverse ? (style.bg ?? '#0d1117') : style.fg;
  const bg = style.inverse ? (style.fg ?? '#e6edf3') : style.bg;
  return [
    fg && `color:${fg}`,
    bg && `background:${bg}`,
    style.bold && 'font-weight:bold',
    style.dim && 'opacity:.65',
    style.italic && 'font-style:italic',
    style.underline && 'text-decoration:underline',
  ]
    .filter(Boolean)
    .join(';');
}

/** One line of a capture as HTML; `cursor` (a column) is drawn as a block. */
export function lineToHtml(line: string, cursor?: number): string {
  let out = '';
  let style: Style = {};
  let column = 0;
  const span = (text: string, style: string) => (text === '' ? '' : style ? `<span style="${style}">${escapeHtml(text)}</span>` : escapeHtml(text));
  const put = (text: string) => {
    const chars = [...text];
    const here = css(style);
    const at = cursor === undefined ? -1 : cursor - column;
    if (at >= 0 && at < chars.length) {
      out += span(chars.slice(0, at).join(''), here) + `<span class="cursor">${escapeHtml(chars[at] ?? ' ')}</span>` + span(chars.slice(at + 1).join(''), here);
    } else {
      out += span(text, here);
    }
    column += chars.length;
  };
  for (const part of line.split(/(\x1b\[[0-9;]*m)/)) {
    const sgr = /^\x1b\[([0-9;]*)m$/.exec(part);
    if (sgr) style = apply(style, (sgr[1] || '0').split(';').map((n) => Number(n) || 0));
    else put(part.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ''));
  }
  if (cursor !== undefined && column <= cursor) out += `${' '.repeat(cursor - column)}<span class="cursor"> </span>`;
  return out;
}

/** A whole capture: lines, with the cursor at (x, y) when given. */
export function captureToHtml(capture: string, cursor?: { x: number; y: number }): string {
  return capture
    .replace(/\n$/, '')
    .split('\n')
    .map((line, y) => lineToHtml(line, cursor && cursor.y === y ? cursor.x : undefined))
    .join('\n');
}
