import type { DomainInput } from '../schema.ts';

/** Meal planning: Meals planned or eaten, and what to buy for them. */
export default {
  id: 'meal-planning',
  title: 'Meal planning',
  kind: 'react-spa',
  signals: { 'meal planner': 3, 'meal plan': 3, 'meal planning': 3, calorie: 3, 'calorie counter': 3, nutrition: 3, meal: 1.5 },
  entities: {
    Meal: { words: ['meal', 'dinner', 'lunch', 'breakfast'], fields: 'name!, date:date, calories:integer', belongsTo: ['Recipe'] },
    Recipe: { words: ['recipe'], fields: 'title!, ingredients:text, instructions:text' },
    ShoppingItem: { words: ['shopping item', 'shopping list', 'grocery'], fields: 'name!, quantity:integer, bought:boolean' },
  },
  core: ['Meal'],
} satisfies DomainInput;
