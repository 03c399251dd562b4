import type { DomainInput } from '../schema.ts';

/** Knowledge base: Articles a team writes and finds again. */
export default {
  id: 'knowledge-base',
  title: 'Knowledge base',
  kind: 'fullstack',
  signals: { 'knowledge base': 3, wiki: 3, confluence: 3, kb: 2 },
  entities: {
    Article: { words: ['article', 'page', 'wiki page', 'entry'], fields: 'title!, body:text!, updatedOn:date', belongsTo: ['Category'] },
    Category: { words: ['category', 'space', 'section'], fields: 'name!' },
  },
  core: ['Article'],
} satisfies DomainInput;
