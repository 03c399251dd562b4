import { html } from '../../plugins/generator-templates/escape.ts';
import type { Page } from '../../plugins/parser/spec.ts';

/**
 * Starter copy for each kind of page, written around the site's subject ("bakery"). Every
 * fragment has exactly one <h1>; the shared layout adds the header, navigation and footer.
 */

const OFFERINGS: ReadonlyArray<readonly [RegExp, readonly (readonly [string, string, string])[]]> = [
  [/bak|bread|pastr|patisserie|cake/, [['Sourdough loaf', 'Naturally leavened, baked every morning.', '6.50'], ['Butter croissant', 'Flaky, golden and made with French butter.', '3.20'], ['Cinnamon roll', 'Soft dough, brown sugar and a cream cheese glaze.', '3.80'], ['Seasonal fruit tart', 'Whatever the market has best this week.', '4.90']]],
  [/caf|coffee|tea/, [['Espresso', 'A double shot of our house blend.', '2.80'], ['Flat white', 'Velvety milk over a ristretto.', '3.60'], ['Chai latte', 'Spiced black tea with steamed milk.', '3.90'], ['Banana bread', 'Baked in house, served warm.', '3.20']]],
  [/pizz|restaurant|bistro|diner|kitchen|food|grill|bar/, [['Seasonal starter', 'A small plate built around what is fresh today.', '8.00'], ['House special', 'Our signature dish, cooked to order.', '16.00'], ['Vegetarian main', 'Market vegetables, grains and herbs.', '14.00'], ['Dessert of the day', 'Ask us what the kitchen made this morning.', '7.00']]],
];

function offerings(subject: string): readonly (readonly [string, string, string])[] {
  const found = OFFERINGS.find(([pattern]) => pattern.test(subject.toLowerCase()));
  return found?.[1] ?? [['Signature offer', `What ${subject} is best known for.`, '25.00'], ['Standard package', 'Everything most people need.', '49.00'], ['Premium package', 'The full experience, with extras.', '99.00']];
}

function section(title: string, body: string): string {
  return `      <section>\n        <h2>${html(title)}</h2>\n${body}\n      </section>`;
}

export function pageContent(page: Page, site: { title: string; subject: string; pages: readonly Page[] }): string {
  const title = html(site.title);
  const subject = html(site.subject);
  const heading = `      <h1>${html(page.title)}</h1>`;
  const items = offerings(site.subject);
  switch (page.slug) {
    case 'index': {
      const cards = site.pages
        .filter((other) => other.slug !== 'index')
        .map((other) => `          <a class="card" href="${other.slug}.html"><h3>${html(other.title)}</h3><p>${html(teaser(other.slug, site.subject))}</p></a>`)
        .join('\n');
      return `      <section class="hero">
        <h1>${title}</h1>
        <p>Welcome to ${title}, your local ${subject}. Made with care, shared with our neighbours.</p>
${site.pages.some((other) => other.slug === 'contact') ? '        <a class="button" href="contact.html">Get in touch</a>\n' : ''}      </section>
${cards === '' ? '' : `      <section>\n        <div class="cards">\n${cards}\n        </div>\n      </section>\n`}`;
    }
    case 'about':
      return `${heading}
      <p>${title} started with a simple idea: a ${subject} people are glad to have around the corner.</p>
${section('Our story', `        <p>What began as a small project grew, one regular at a time, into the ${subject} you know today. We still work the way we did on day one: carefully, and with good ingredients.</p>`)}
${section('What we believe', '        <ul>\n          <li>Quality over quantity.</li>\n          <li>Local suppliers whenever we can.</li>\n          <li>A warm welcome for everyone.</li>\n        </ul>')}`;
    case 'contact':
      return `${heading}
      <p>We would love to hear from you.</p>
      <address>
        ${title}<br />
        12 Example Street<br />
        Springfield
      </address>
      <p>Email: <a href="mailto:hello@example.com">hello@example.com</a><br />Phone: <a href="tel:+15550100">+1 555 0100</a></p>
${section('Opening hours', '        <table>\n          <tr><th scope="row">Monday to Friday</th><td>7:00 to 18:00</td></tr>\n          <tr><th scope="row">Saturday</th><td>8:00 to 16:00</td></tr>\n          <tr><th scope="row">Sunday</th><td>Closed</td></tr>\n        </table>')}`;
    case 'menu':
    case 'products':
    case 'shop':
    case 'pricing':
    case 'services': {
      const rows = items.map(([name, description, price]) => `          <tr><th scope="row">${html(name)}</th><td>${html(description)}</td><td>${html(price)}</td></tr>`).join('\n');
      return `${heading}
      <p>A selection of what ${title} offers. Prices change with the seasons; ask us about today's specials.</p>
      <table>
        <thead><tr><th scope="col">Item</th><th scope="col">Description</th><th scope="col">Price</th></tr></thead>
        <tbody>
${rows}
        </tbody>
      </table>`;
    }
    case 'hours':
      return `${heading}
      <table>
        <tr><th scope="row">Monday to Friday</th><td>7:00 to 18:00</td></tr>
        <tr><th scope="row">Saturday</th><td>8:00 to 16:00</td></tr>
        <tr><th scope="row">Sunday</th><td>Closed</td></tr>
      </table>`;
    case 'faq':
      return `${heading}
${section('Do you take orders?', '        <p>Yes: get in touch a few days ahead and we will prepare everything for you.</p>')}
${section('Where are you?', `        <p>At 12 Example Street, in the middle of town.</p>`)}
${section('Do you cater for allergies?', '        <p>Ask us: we label everything and are happy to help.</p>')}`;
    default: {
      const cards = [1, 2, 3].map((n) => `        <article class="card"><h2>${html(page.title)} ${n}</h2><p>Describe this ${html(page.title.toLowerCase())} item of ${title} here.</p></article>`).join('\n');
      return `${heading}
      <p>${html(teaser(page.slug, site.subject))}</p>
      <div class="cards">
${cards}
      </div>`;
    }
  }
}

function teaser(slug: string, subject: string): string {
  const teasers: Record<string, string> = {
    about: `Who we are and how our ${subject} began.`,
    contact: 'Where to find us, and how to reach us.',
    menu: 'Everything we make, with prices.',
    services: 'What we can do for you.',
    pricing: 'Simple, honest prices.',
    gallery: 'A look behind the scenes.',
    blog: 'News, recipes and stories.',
    news: 'What is new with us.',
    faq: 'Answers to the questions we hear most.',
    team: 'The people behind the work.',
    events: 'What is coming up.',
    hours: 'When we are open.',
  };
  return teasers[slug] ?? `More about our ${subject}.`;
}
