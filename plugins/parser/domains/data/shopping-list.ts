import type { DomainInput } from '../schema.ts';

/** Shopping list: Things to buy, ticked off in the shop. */
export default {
  id: 'shopping-list',
  title: 'Shopping list',
  kind: 'react-spa',
  signals: { 'shopping list': 3, grocery: 3, 'grocery list': 3 },
  entities: {
    Item: { words: ['item', 'grocery', 'product'], fields: 'name!, quantity:integer, bought:boolean' },
  },
  core: ['Item'],
} satisfies DomainInput;
