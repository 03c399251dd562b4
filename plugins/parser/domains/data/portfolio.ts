import type { DomainInput } from '../schema.ts';

/** Portfolio: A person's work, who they are and how to reach them. */
export default {
  id: 'portfolio',
  title: 'Portfolio',
  kind: 'static-site',
  signals: { portfolio: 3, photographer: 1, resume: 2, cv: 2, designer: 1 },
  entities: {},
  core: [],
  pages: ['Projects', 'About', 'Contact'],
} satisfies DomainInput;
