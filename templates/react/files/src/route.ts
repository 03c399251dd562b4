import { useSyncExternalStore } from 'react';
import type { Id } from './types.ts';

/**
 * Where the app is, kept in the URL's hash (`#/books?page=2`, `#/books/7`, `#/books/7/edit`) so
 * links, reload, back and forward work on any static host and under any path prefix.
 */
export type Route = { view: 'list'; key: string; page: number } | { view: 'detail'; key: string; id: Id } | { view: 'edit'; key: string; id: Id };

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const segments = path.split('/').filter((segment) => segment !== '').map((segment) => decodeURIComponent(segment));
  const [key = '', rawId, action] = segments;
  const id = Number(rawId);
  if (rawId !== undefined && Number.isInteger(id) && id > 0) return { view: action === 'edit' ? 'edit' : 'detail', key, id };
  const page = Number(new URLSearchParams(search).get('page'));
  return { view: 'list', key, page: Number.isInteger(page) && page > 1 ? page : 1 };
}

export function hrefOf(route: Route): string {
  const key = encodeURIComponent(route.key);
  switch (route.view) {
    case 'list':
      return route.page > 1 ? `#/${key}?page=${route.page}` : `#/${key}`;
    case 'detail':
      return `#/${key}/${route.id}`;
    case 'edit':
      return `#/${key}/${route.id}/edit`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route; re-renders when the hash changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash, () => '');
  return parseRoute(hash);
}
