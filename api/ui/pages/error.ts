import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { notice } from '../components.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';
import { paths } from '../paths.ts';

/** A whole page saying what went wrong, with a way back; never a bare JSON problem in a browser. */
export function errorPage(c: Context, status: ContentfulStatusCode, title: string, message: string): Response {
  const body = html`<h1>${title}</h1>
${notice('error', html`<p>${message}</p>`)}
<p><a href="${paths.home()}">Back to the start page</a> · <a href="${paths.runs()}">Recent runs</a></p>`;
  return c.html(page({ title, section: 'none', body }).value, status);
}
