import type { DomainInput } from '../schema.ts';

/** Quizzes: Quizzes of questions; taking one gives a score. */
export default {
  id: 'quiz',
  title: 'Quizzes',
  kind: 'react-spa',
  signals: { quiz: 3, quizz: 3, quize: 3, trivia: 3, exam: 2.5, leaderboard: 1, 'multiple choice': 2 },
  entities: {
    Quiz: { words: ['quiz', 'quizz', 'quize', 'trivia quiz', 'trivia'], fields: 'title!, description:text', behaviours: ['quiz'], plural: 'Quizzes' },
    Exam: { words: ['exam'], fields: 'title!, date:date', behaviours: ['quiz'] },
    Question: { words: ['question'], fields: 'text:text!, options:text, correctAnswer!, points:integer', belongsTo: ['Quiz', 'Exam'] },
    Answer: { words: ['answer'], fields: 'text:text!, correct:boolean', belongsTo: ['Question'] },
  },
  core: ['Quiz', 'Question'],
  behaviours: ['quiz'],
} satisfies DomainInput;
