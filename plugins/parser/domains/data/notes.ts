import type { DomainInput } from '../schema.ts';

/** Notes: Notes, optionally in notebooks. */
export default {
  id: 'notes',
  title: 'Notes',
  kind: 'react-spa',
  signals: { note: 2, 'note taking': 3, notebook: 2, 'notes app': 3 },
  entities: {
    Note: { words: ['note', 'memo'], fields: 'title!, body:text, pinned:boolean', belongsTo: ['Notebook'] },
    Notebook: { words: ['notebook', 'folder'], fields: 'name!' },
  },
  core: ['Note'],
} satisfies DomainInput;
