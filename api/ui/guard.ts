import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { scopeAllows, type Scope } from '../../core/auth/index.ts';
import { QLayerError } from '../../core/errors.ts';
import { fromOtherOrigin } from '../request-site.ts';
import type { UiDeps, UiEnv } from './deps.ts';
import { errorPage } from './pages/error.ts';
import { loginPage } from './pages/login.ts';

/** Holds the visitor's API key; HttpOnly so page scripts never see it, SameSite=Strict so other sites (not other ports: see sameOrigin) cannot use it. */
export const KEY_COOKIE = 'qlayer_key';

/**
 * The UI shows and changes what the API does, so it admits exactly whom the API admits: a key
 * (from the cookie set at sign-in, or an Authorization header), or, while no key exists, a
 * loopback visitor. Reading needs `read`; starting, cancelling and registering need `write`.
 */
export function uiGuard(deps: UiDeps): MiddlewareHandler<UiEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (keyCookieCount(c.req.header('Cookie')) > 1) {
      // Cookies are not isolated by port: a previewed app can set one more with a longer path,
      // which the browser sends first. Neither is trusted; every copy this path sees is cleared.
      for (const path of ancestorPaths(url.pathname)) deleteCookie(c, KEY_COOKIE, { path });
      return c.html(loginPage(url.pathname + url.search, 'This browser sent more than one sign-in cookie (a previewed app may have set one), so neither was used; sign in again.').value, 401);
    }
    const cookie = getCookie(c, KEY_COOKIE);
    const header = c.req.header('Authorization') ?? (cookie ? `Bearer ${cookie}` : undefined);
    let scope: Scope;
    try {
      const principal = await deps.auth.authenticate(header, deps.getClientAddress(c));
      scope = principal.scope;
      c.set('signedIn', principal.kind === 'key');
    } catch (error) {
      if (!(error instanceof QLayerError)) throw error;
      if (error.code === 'unauthorized') {
        const message = cookie ? 'The key this browser had is no longer accepted; sign in again.' : undefined;
        return c.html(loginPage(url.pathname + url.search, message).value, 401);
      }
      return errorPage(c, 403, 'Not allowed here', error.message);
    }
    const needed = scopeFor(c.req.method, c.req.path);
    if (!scopeAllows(scope, needed)) return errorPage(c, 403, 'Not allowed', `This needs a key with the '${needed}' scope; yours has '${scope}'.`);
    await next();
  };
}

function keyCookieCount(header: string | undefined): number {
  if (!header) return 0;
  return header.split(';').filter((part) => part.trim().startsWith(`${KEY_COOKIE}=`)).length;
}

/** Every cookie path a request for `pathname` is sent cookies from: `/`, `/ui`, `/ui/`, `/ui/runs`, … */
function ancestorPaths(pathname: string): string[] {
  const out = new Set<string>(['/']);
  const parts = pathname.split('/').filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const path = `/${parts.slice(0, i).join('/')}`;
    out.add(path);
    if (i < parts.length || pathname.endsWith('/')) out.add(`${path}/`);
  }
  return [...out];
}

/** Checking a workflow changes nothing, so it needs only `read`, as in the API. */
function scopeFor(method: string, path: string): Scope {
  if (method === 'GET' || method === 'HEAD') return 'read';
  if (path.endsWith('/workflows/validate')) return 'read';
  return 'write';
}

/**
 * Refuses form posts from other origins. The key cookie is SameSite=Strict, but that stops
 * other sites only: a preview, on another port of this host, is the same site and its requests
 * carry the cookie. And loopback visitors need no cookie at all. So the origin decides.
 */
export function sameOrigin(): MiddlewareHandler<UiEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && fromOtherOrigin(c.req)) {
      return errorPage(c, 403, 'Request refused', 'This form was sent from another site or origin, so it was not carried out.');
    }
    await next();
  };
}
