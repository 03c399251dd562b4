import type { DomainInput } from '../schema.ts';

/** Restaurant: A menu, tables, reservations and orders. */
export default {
  id: 'restaurant',
  title: 'Restaurant',
  kind: 'fullstack',
  signals: { restaurant: 3, pizzeria: 3, cafe: 2, bistro: 3, diner: 2, 'food ordering': 3, menu: 1.5, takeaway: 3, 'table reservation': 3 },
  entities: {
    MenuItem: { words: ['menu item', 'menu', 'dish', 'pizza'], fields: 'name!, price:number!, category, available:boolean' },
    Table: { words: ['table'], fields: 'number:integer!, seats:integer' },
    Reservation: { words: ['reservation', 'booking'], fields: 'name!, date:date!, time!, partySize:integer', belongsTo: ['Table'], behaviours: ['booking'] },
    Order: { words: ['order'], fields: 'status:enum(new|preparing|served|paid), total:number, placedAt:date', belongsTo: ['Table', 'Customer'] },
    Customer: { words: ['customer', 'diner', 'guest'], fields: 'name!, phone, email:email' },
  },
  core: ['MenuItem', 'Table', 'Reservation'],
} satisfies DomainInput;
