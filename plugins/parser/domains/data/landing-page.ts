import type { DomainInput } from '../schema.ts';

/** Landing page: One page that presents a product or business. */
export default {
  id: 'landing-page',
  title: 'Landing page',
  kind: 'static-site',
  signals: { landingpage: 3, startup: 1, launch: 1, waitlist: 1 },
  entities: {},
  core: [],
} satisfies DomainInput;
