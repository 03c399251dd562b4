import type { DomainInput } from '../schema.ts';

/** Todo list: Things to do, ticked off when done. */
export default {
  id: 'todo',
  title: 'Todo list',
  kind: 'react-spa',
  signals: { todo: 3, todos: 3 },
  entities: {
    Todo: { words: ['todo', 'todo item', 'item'], fields: 'title!, completed:boolean' },
  },
  core: ['Todo'],
} satisfies DomainInput;
