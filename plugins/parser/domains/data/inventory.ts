import type { DomainInput } from '../schema.ts';

/** Inventory: Products, where they are kept and every movement of stock in and out. */
export default {
  id: 'inventory',
  title: 'Inventory',
  kind: 'fullstack',
  signals: { inventory: 3, 'stock control': 3, 'stock movement': 3, warehouse: 2, storeroom: 2, stock: 1.5, supplier: 1 },
  entities: {
    Product: { words: ['product', 'article'], fields: 'name!, sku, quantity:integer, reorderLevel:integer', belongsTo: ['Supplier', 'Category'] },
    Item: { words: ['item'], fields: 'name!, sku, quantity:integer', belongsTo: ['Location'] },
    Supplier: { words: ['supplier', 'vendor'], fields: 'name!, email:email, phone' },
    Category: { words: ['category'], fields: 'name!' },
    Warehouse: { words: ['warehouse'], fields: 'name!, location' },
    Location: { words: ['location', 'shelf', 'bin'], fields: 'name!, description:text' },
    StockMovement: { words: ['stock movement', 'movement', 'stock change'], fields: 'quantity:integer!, direction:enum(in|out), date:date, reason', belongsTo: ['Product', 'Item', 'Warehouse'] },
  },
  core: ['Product', 'StockMovement'],
} satisfies DomainInput;
