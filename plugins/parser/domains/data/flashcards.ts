import type { DomainInput } from '../schema.ts';

/** Flashcards: Cards to learn from, grouped in decks. */
export default {
  id: 'flashcards',
  title: 'Flashcards',
  kind: 'react-spa',
  signals: { flashcards: 3, deck: 2, anki: 3, 'spaced repetition': 3, vocabulary: 1 },
  entities: {
    Flashcard: { words: ['flashcards', 'flashcard', 'card'], fields: 'front!, back:text!, learned:boolean', belongsTo: ['Deck'] },
    Deck: { words: ['deck'], fields: 'name!, description:text' },
  },
  core: ['Flashcard'],
} satisfies DomainInput;
