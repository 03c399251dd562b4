import { PAGE_WORDS } from './lexicon.ts';
import { kebabCase } from './names.ts';
import type { Page } from './spec.ts';

const ALWAYS_PAGES = new Set(['home', 'homepage', 'contact', 'contacts']);
const PAGE_CONTEXT = new Set(['page', 'pages', 'and', 'or', 'us', 'me', 'section', 'sections', 'tab', 'tabs']);

/**
 * Pages of a static site in the order the prompt names them, the home page first. A site that
 * names no page gets its domain's usual pages (a docs site: getting started, guides…), or home,
 * about and contact; a lone landing page stays one page.
 */
export function detectPages(tokens: readonly string[], defaults: readonly string[] = []): { pages: Page[]; used: Set<string> } {
  const pages: Page[] = [{ slug: 'index', title: 'Home' }];
  const used = new Set<string>();
  for (const [i, token] of tokens.entries()) {
    const page = PAGE_WORDS[token];
    if (page === undefined) continue;
    // "a website about dogs" is a topic, "about and contact pages" is a page.
    // "a website about dogs" or "my coffee shop" name a topic; "about and contact pages",
    // "a menu page" name pages. Contact and home are pages whatever follows them.
    const next = tokens[i + 1];
    const inPageContext = next === undefined || PAGE_CONTEXT.has(next) || PAGE_WORDS[next] !== undefined;
    if (!ALWAYS_PAGES.has(token) && !inPageContext) continue;
    used.add(token);
    if (!pages.some((known) => known.slug === page.slug)) pages.push({ ...page });
  }
  if (pages.length === 1 && defaults.length > 0) pages.push(...defaults.map((title) => ({ slug: kebabCase(title), title })));
  if (pages.length === 1 && !tokens.includes('landingpage')) pages.push({ slug: 'about', title: 'About' }, { slug: 'contact', title: 'Contact' });
  return { pages, used };
}
