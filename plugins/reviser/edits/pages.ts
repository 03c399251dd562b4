import { PAGE_WORDS } from '../../parser/lexicon.ts';
import { kebabCase, titleCase } from '../../parser/names.ts';
import { RevisionError } from '../errors.ts';
import { splitList, stripArticles } from '../resolve.ts';
import type { Revision } from './revision.ts';

function pageFor(word: string): { slug: string; title: string } {
  const text = stripArticles(word).replace(/\s+pages?$/, '').trim();
  return PAGE_WORDS[text.replace(/\s+/g, '')] ?? { slug: kebabCase(text), title: titleCase(text) };
}

function onlySites(revision: Revision): void {
  if (revision.spec.kind !== 'static-site') {
    throw new RevisionError('revision_impossible', `only static websites have pages; this is a ${revision.spec.kind}`, { request: revision.request });
  }
}

export function addPages(revision: Revision, text: string): void {
  onlySites(revision);
  for (const item of splitList(text)) {
    const page = pageFor(item);
    if (!/^[a-z][a-z0-9-]*$/.test(page.slug)) throw new RevisionError('revision_impossible', `"${item}" cannot name a page`, { request: revision.request });
    if (revision.spec.pages.some((p) => p.slug === page.slug)) throw new RevisionError('revision_impossible', `the site already has a ${page.title} page`, { request: revision.request });
    revision.spec.pages.push(page);
    revision.changes.push(`added page ${page.title} (${page.slug}.html)`);
  }
}

export function removePages(revision: Revision, text: string): void {
  onlySites(revision);
  for (const item of splitList(text)) {
    const wanted = pageFor(item);
    const page = revision.spec.pages.find((p) => p.slug === wanted.slug || p.title.toLowerCase() === wanted.title.toLowerCase());
    if (page === undefined) {
      throw new RevisionError('revision_impossible', `the site has no ${wanted.title} page; its pages are ${revision.spec.pages.map((p) => p.title).join(', ')}`, {
        request: revision.request,
        choices: revision.spec.pages.map((p) => p.title),
      });
    }
    if (revision.spec.pages[0] === page) throw new RevisionError('revision_impossible', 'the home page cannot be removed', { request: revision.request });
    revision.spec.pages = revision.spec.pages.filter((p) => p !== page);
    revision.changes.push(`removed page ${page.title}`);
  }
}
