import { describe, expect, it } from 'vitest';
import { escapeHtml, html, trusted } from '../../api/ui/html.ts';

describe('html', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const name = `<img src=x onerror="alert('x')">&`;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;</p>',
    );
  });

  it('keeps nested html and trusted markup, flattens arrays, and drops null, undefined and booleans', () => {
    const items = ['a<', 'b'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${true}${0}${trusted('<br>')}`.value).toBe('<ul><li>a&lt;</li><li>b</li></ul>0<br>');
  });

  it('escapes the five characters that matter and nothing else', () => {
    expect(escapeHtml(`&<>"' plain ü`)).toBe('&amp;&lt;&gt;&quot;&#39; plain ü');
  });
});
