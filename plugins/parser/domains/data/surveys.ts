import type { DomainInput } from '../schema.ts';

/** Surveys: Surveys people answer, and their answers. */
export default {
  id: 'surveys',
  title: 'Surveys',
  kind: 'fullstack',
  signals: { survey: 3, questionnaire: 3, feedback: 2 },
  entities: {
    Survey: { words: ['survey', 'questionnaire'], fields: 'title!, description:text' },
    Question: { words: ['question'], fields: 'text:text!, type:enum(text|choice|rating)', belongsTo: ['Survey'] },
    Response: { words: ['response', 'submission'], fields: 'submittedAt:date, answers:text', belongsTo: ['Survey'] },
    Feedback: { words: ['feedback'], fields: 'rating:integer!, comment:text, email:email', plural: 'Feedback' },
  },
  core: ['Survey', 'Question', 'Response'],
} satisfies DomainInput;
