import type { Context } from 'hono';
import { notice } from '../components.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';
import { paths } from '../paths.ts';

/** A whole page saying what went wrong, with a way back; never a bare JSON problem in a browser. */
export function errorPage(c: Context, status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 500 | 503, title: string, message: string): Response {
  const body = html`<h1>${title}</h1>
${notice('error', html`<p>${message}</p>`)}
<p><a href="${paths.home()}">Back to the start page</a> · <a href="${paths.runs()}">Recent runs</a></p>`;
  return c.html(page({ title, section: 'none', body }).value, status);
}
