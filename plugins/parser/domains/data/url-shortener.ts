import type { DomainInput } from '../schema.ts';

/** URL shortener: Short codes that redirect to long URLs and count their clicks. */
export default {
  id: 'url-shortener',
  title: 'URL shortener',
  kind: 'fullstack',
  signals: { shortener: 3, shortner: 3, 'url shortener': 3, 'link shortener': 3, 'short link': 3, 'short url': 3, shorten: 3, bitly: 3, tinyurl: 3, redirect: 1, click: 1 },
  entities: {
    Link: { words: ['link', 'url', 'short link', 'short url', 'short code', 'code', 'shortened url'], fields: 'url:url!, code!, clicks:integer, title' },
  },
  core: ['Link'],
  behaviours: ['redirect-clicks'],
} satisfies DomainInput;
