import type { DomainInput } from '../schema.ts';

/** Online courses: Courses of lessons that students enrol in. */
export default {
  id: 'online-courses',
  title: 'Online courses',
  kind: 'fullstack',
  signals: { 'e learning': 3, elearning: 3, lms: 3, 'online course': 3, udemy: 3, moodle: 3, lesson: 1.5, course: 1 },
  entities: {
    Course: { words: ['course'], fields: 'title!, description:text, level' },
    Lesson: { words: ['lesson', 'module', 'chapter'], fields: 'title!, content:text, durationMinutes:integer', belongsTo: ['Course'] },
    Student: { words: ['student', 'learner'], fields: 'name!, email:email!' },
    Enrollment: { words: ['enrollment', 'enrolment'], fields: 'enrolledOn:date!, progress:integer', joins: ['Student', 'Course'] },
    Quiz: { words: ['quiz'], fields: 'title!, passMark:integer', belongsTo: ['Lesson'], behaviours: ['quiz'], plural: 'Quizzes' },
  },
  core: ['Course', 'Lesson'],
} satisfies DomainInput;
