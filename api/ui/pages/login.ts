import { notice } from '../components.ts';
import { html, type Html } from '../html.ts';
import { page } from '../layout.ts';
import { paths } from '../paths.ts';

/** The sign-in form, shown when the server has API keys and the visitor has not given one. */
export function loginPage(next: string, error?: string): Html {
  const body = html`<h1>Sign in</h1>
<p>This server asks for an API key. Ask whoever runs it for one, or create one with <code>qlayer keys create</code>.</p>
${error ? notice('error', html`<p>${error}</p>`, { alert: true }) : ''}
<form method="post" action="${paths.login()}" class="stack">
<input type="hidden" name="next" value="${next}">
<label for="key">API key</label>
<input id="key" name="key" type="password" autocomplete="current-password" required spellcheck="false" aria-describedby="key-help">
<p id="key-help" class="help">It is kept in a cookie that scripts cannot read, for this browser only.</p>
<div class="actions"><button type="submit">Sign in</button></div>
</form>`;
  return page({ title: 'Sign in', section: 'none', body });
}
