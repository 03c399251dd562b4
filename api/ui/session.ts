import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { QLayerError } from '../../core/errors.ts';
import type { UiDeps, UiEnv } from './deps.ts';
import { KEY_COOKIE } from './guard.ts';
import { loginPage } from './pages/login.ts';
import { paths } from './paths.ts';

/** Only paths on this server, so a crafted link cannot send a visitor elsewhere after sign-in. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : paths.home();
}

/** Sign-in and sign-out: the key goes into an HttpOnly cookie once the server accepts it. */
export function sessionRoutes(deps: UiDeps) {
  return new Hono<UiEnv>()
    .get('/ui/login', (c) => c.html(loginPage(safeNext(c.req.query('next'))).value))
    .post('/ui/login', async (c) => {
      const form = await c.req.parseBody();
      const next = safeNext(form.next);
      const key = typeof form.key === 'string' ? form.key.trim() : '';
      try {
        await deps.auth.authenticate(`Bearer ${key}`, deps.getClientAddress(c));
      } catch (error) {
        if (!(error instanceof QLayerError)) throw error;
        return c.html(loginPage(next, 'That key was not accepted. Check it and try again.').value, 401);
      }
      setCookie(c, KEY_COOKIE, key, { httpOnly: true, sameSite: 'Strict', path: '/', secure: new URL(c.req.url).protocol === 'https:' });
      return c.redirect(next, 303);
    })
    .post('/ui/logout', (c) => {
      deleteCookie(c, KEY_COOKIE, { path: '/' });
      return c.redirect(paths.home(), 303);
    });
}
