import type { DomainInput } from '../schema.ts';

/** Sports league: Teams, their players and the matches they play. */
export default {
  id: 'sports',
  title: 'Sports league',
  kind: 'fullstack',
  signals: { league: 3, 'sports league': 3, football: 2, soccer: 2, basketball: 2, tournament: 2, team: 0.5 },
  entities: {
    Team: { words: ['team'], fields: 'name!, city' },
    Player: { words: ['player'], fields: 'name!, position, number:integer', belongsTo: ['Team'] },
    Match: { words: ['match', 'fixture'], fields: 'date:date!, homeScore:integer, awayScore:integer', plural: 'Matches' },
  },
  core: ['Team', 'Player', 'Match'],
} satisfies DomainInput;
