import { html, type Html } from './html.ts';
import { paths } from './paths.ts';

export type Section = 'generate' | 'runs' | 'workflows' | 'plugins' | 'health' | 'none';

export interface PageOptions {
  title: string;
  section: Section;
  body: Html;
  /** Signed in with a key (shows "Sign out"); loopback visitors have nothing to sign out of. */
  signedIn?: boolean;
}

const NAV: { section: Section; label: string; href: string }[] = [
  { section: 'generate', label: 'Generate', href: paths.home() },
  { section: 'runs', label: 'Runs', href: paths.runs() },
  { section: 'workflows', label: 'Workflows', href: paths.workflows() },
  { section: 'plugins', label: 'Plugins', href: paths.plugins() },
  { section: 'health', label: 'Health', href: paths.health() },
];

/**
 * The document around every page. Scripts are one deferred module that only enhances what is
 * here, so the page is complete without it; the announcer is where live updates are spoken.
 */
export function page(options: PageOptions): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · QuantumLayer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${paths.asset('styles.css')}">
<script type="module" src="${paths.asset('app.js')}"></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<a class="brand" href="${paths.home()}">QuantumLayer</a>
<nav aria-label="Main">
<ul>
${NAV.map((item) => html`<li><a href="${item.href}"${item.section === options.section ? html` aria-current="page"` : ''}>${item.label}</a></li>`)}
</ul>
</nav>
${options.signedIn ? html`<form class="sign-out" method="post" action="${paths.logout()}"><button type="submit" class="link-button">Sign out</button></form>` : ''}
</header>
<main id="main" tabindex="-1">
${options.body}
</main>
<div id="announcer" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true"></div>
</body>
</html>
`;
}
