import type { DomainInput } from '../schema.ts';

/** Online shop: Products people put in a cart and order. */
export default {
  id: 'shop',
  title: 'Online shop',
  kind: 'fullstack',
  signals: { shop: 2, webshop: 3, ecommerce: 3, store: 1.5, storefront: 3, sell: 2, cart: 2, checkout: 2, merch: 2 },
  entities: {
    Product: { words: ['product', 'item', 'good'], fields: 'name!, description:text, price:number!, stock:integer, imageUrl:url', belongsTo: ['Category'] },
    Category: { words: ['category'], fields: 'name!' },
    Order: { words: ['order', 'purchase'], fields: 'orderNumber!, status:enum(pending|paid|shipped|delivered|cancelled), total:number, orderedOn:date', belongsTo: ['Customer'] },
    Customer: { words: ['customer', 'buyer', 'shopper'], fields: 'name!, email:email!, address:text' },
    OrderItem: { words: ['order item', 'line item'], fields: 'quantity:integer!, unitPrice:number', joins: ['Order', 'Product'] },
  },
  core: ['Product', 'Order', 'Customer'],
  behaviours: ['cart-checkout'],
} satisfies DomainInput;
