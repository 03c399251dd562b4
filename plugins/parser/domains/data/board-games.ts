import type { DomainInput } from '../schema.ts';

/** Board games: A board game collection and the games played. */
export default {
  id: 'board-games',
  title: 'Board games',
  kind: 'react-spa',
  signals: { 'board game': 3, boardgame: 3, 'game collection': 3, 'play session': 2 },
  entities: {
    Game: { words: ['game', 'board game', 'boardgame'], fields: 'title!, minPlayers:integer, maxPlayers:integer, owned:boolean' },
    Player: { words: ['player'], fields: 'name!' },
    Session: { words: ['session', 'play session', 'play'], fields: 'date:date!, winner, notes:text', belongsTo: ['Game'] },
  },
  core: ['Game'],
} satisfies DomainInput;
