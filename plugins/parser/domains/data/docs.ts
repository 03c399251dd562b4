import type { DomainInput } from '../schema.ts';

/** Documentation site: Pages that document a library or product. */
export default {
  id: 'docs',
  title: 'Documentation site',
  kind: 'static-site',
  signals: { documentation: 3, docs: 3, 'api reference': 3, 'getting started': 2, sdk: 2, changelog: 2, guide: 1, installation: 1 },
  entities: {},
  core: [],
  pages: ['Getting started', 'Guides', 'API reference', 'FAQ'],
} satisfies DomainInput;
