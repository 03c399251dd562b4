/**
 * The run page's code viewer: the file links of the server-rendered tree open in the page,
 * read from the project zip, downloaded once and unpacked here. Opening a link in a new tab
 * still goes to the plain file page.
 */
import { readZip, type ZipEntry } from './zip.ts';
import { renderCode } from './highlight.ts';
import { announce } from './regions.ts';

export function enhanceFiles(section: HTMLElement | null): void {
  if (!section || !section.dataset.zip || section.dataset.enhanced) return;
  section.dataset.enhanced = '1';
  const url = section.dataset.zip;
  let zip: Promise<Map<string, ZipEntry>> | null = null;
  const load = (): Promise<Map<string, ZipEntry>> => {
    zip = zip ?? fetch(url, { credentials: 'same-origin' }).then((res) => {
      if (!res.ok) throw new Error('download failed: ' + res.status);
      return res.arrayBuffer();
    }).then((buffer) => readZip(new Uint8Array(buffer)));
    zip.catch(() => { zip = null; });
    return zip;
  };

  section.addEventListener('click', async (event) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-path]') : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const viewer = section.querySelector<HTMLElement>('#viewer');
    const path = link.dataset.path;
    if (!viewer || path === undefined) return;
    let text: string;
    try {
      const entry = (await load()).get(path);
      if (!entry) throw new Error('missing ' + path);
      text = await entry.text();
    } catch {
      location.assign(link.href);
      return;
    }
    for (const other of section.querySelectorAll('a[aria-current]')) other.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'true');
    const heading = document.createElement('h3');
    heading.id = 'viewer-h';
    heading.textContent = path;
    const open = document.createElement('p');
    const plain = document.createElement('a');
    plain.href = link.href;
    plain.textContent = 'Open on its own page';
    open.append(plain);
    let body: HTMLElement;
    if (text.includes('\u0000')) {
      body = document.createElement('p');
      body.textContent = 'This file is not text; download the zip to open it.';
    } else {
      body = renderCode(text, path);
    }
    viewer.replaceChildren(heading, body, open);
    viewer.hidden = false;
    viewer.setAttribute('aria-labelledby', 'viewer-h');
    viewer.setAttribute('role', 'region');
    // On a phone the viewer is below the tree; bring it into view without moving focus from the tree.
    if (viewer.getBoundingClientRect().top > window.innerHeight) viewer.scrollIntoView({ block: 'start' });
    announce('Showing ' + path + '.');
  });
}
