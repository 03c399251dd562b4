import { describe, expect, it } from 'vitest';
import { captureToHtml, lineToHtml } from '../../bench/demo/ansi.ts';

describe('terminal captures as HTML', () => {
  it('turns SGR colours and weights into styled spans, escaping the text', () => {
    expect(lineToHtml('\x1b[1;32mdemo\x1b[0m $ echo <b>')).toBe('<span style="color:#3fb950;font-weight:bold">demo</span> $ echo &lt;b&gt;');
    expect(lineToHtml('\x1b[38;5;196mred\x1b[39m plain')).toBe('<span style="color:rgb(255,0,0)">red</span> plain');
    expect(lineToHtml('\x1b[38;2;1;2;3mrgb')).toBe('<span style="color:rgb(1,2,3)">rgb</span>');
    expect(lineToHtml('\x1b[7minv\x1b[27m')).toBe('<span style="color:#0d1117;background:#e6edf3">inv</span>');
  });

  it('draws the cursor on its cell, past the end of the line too', () => {
    expect(lineToHtml('$ ls', 2)).toBe('$ <span class="cursor">l</span>s');
    expect(lineToHtml('$ ', 2)).toBe('$ <span class="cursor"> </span>');
    expect(lineToHtml('$', 3)).toBe('$  <span class="cursor"> </span>');
    expect(captureToHtml('one\n\x1b[32mtwo\x1b[0m\n', { x: 0, y: 1 })).toBe('one\n<span class="cursor">t</span><span style="color:#3fb950">wo</span>');
  });
});
