import type { DomainInput } from '../schema.ts';

/** Recipes: Recipes and what goes into them. */
export default {
  id: 'recipes',
  title: 'Recipes',
  kind: 'react-spa',
  signals: { recipe: 2, cookbook: 3, cooking: 2, 'recipe book': 3 },
  entities: {
    Recipe: { words: ['recipe', 'recipie', 'dish'], fields: 'title!, description:text, ingredients:text, instructions:text, servings:integer, prepMinutes:integer' },
    Ingredient: { words: ['ingredient'], fields: 'name!, quantity:number, unit', belongsTo: ['Recipe'] },
    Rating: { words: ['rating', 'rate'], fields: 'stars:integer!, comment:text', belongsTo: ['Recipe'] },
  },
  core: ['Recipe'],
} satisfies DomainInput;
