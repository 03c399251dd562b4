/**
 * Page regions (`data-region` with an id) are the parts of a server-rendered page that change:
 * scripts re-fetch the page and swap the regions whose markup changed, so the server stays the
 * one renderer. Focus stays on an element with the same id, or moves to the region's heading.
 */
const seen = new Map<string, string>();

export function rememberRegions(root: ParentNode = document): void {
  for (const el of root.querySelectorAll('[data-region][id]')) seen.set(el.id, el.outerHTML);
}

export function announce(text: string): void {
  const el = document.getElementById('announcer');
  if (!el) return;
  // Clearing first makes screen readers repeat a message that happens to be the same as the last.
  el.textContent = '';
  setTimeout(() => { el.textContent = text; }, 30);
}

export async function fetchPage(url: string = location.href, init: RequestInit = {}): Promise<{ res: Response; doc: Document }> {
  const res = await fetch(url, { headers: { Accept: 'text/html' }, credentials: 'same-origin', ...init });
  const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
  return { res, doc };
}

export interface RegionsSwapped {
  doc: Document;
  replaced: Element[];
}

export function swapRegions(doc: Document, options: { force?: boolean } = {}): Element[] {
  const force = options.force === true;
  const active = document.activeElement;
  const activeId = active && active !== document.body ? active.id : '';
  const replaced: Element[] = [];
  for (const fresh of doc.querySelectorAll('[data-region][id]')) {
    const current = document.getElementById(fresh.id);
    if (!current) continue;
    const markup = fresh.outerHTML;
    if (!force && seen.get(fresh.id) === markup) continue;
    seen.set(fresh.id, markup);
    const lostFocus = active !== null && current.contains(active);
    const adopted = document.importNode(fresh, true);
    current.replaceWith(adopted);
    replaced.push(adopted);
    if (lostFocus) {
      const same = activeId === '' ? null : document.getElementById(activeId);
      const heading = adopted.querySelector<HTMLElement>('h1, h2');
      const target = (same ?? heading ?? adopted) as HTMLElement;
      if (!same) target.setAttribute('tabindex', '-1');
      target.focus();
    }
  }
  if (replaced.length > 0) document.dispatchEvent(new CustomEvent<RegionsSwapped>('ql:regions', { detail: { doc, replaced } }));
  return replaced;
}

export async function refreshRegions(): Promise<Document | undefined> {
  const { res, doc } = await fetchPage();
  if (!res.ok) return undefined;
  swapRegions(doc);
  return doc;
}
