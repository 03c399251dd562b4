import type { DomainInput } from '../schema.ts';

/** School: Students enrolled in courses taught by teachers. */
export default {
  id: 'school',
  title: 'School',
  kind: 'fullstack',
  signals: { school: 3, 'high school': 3, classroom: 1, enrolment: 2, enrollment: 2, enrol: 2, enroll: 2, gradebook: 3, teacher: 1.5, student: 1 },
  entities: {
    Student: { words: ['student', 'pupil'], fields: 'name!, email:email, birthDate:date' },
    Teacher: { words: ['teacher', 'tutor'], fields: 'name!, email:email, subject' },
    Course: { words: ['course', 'class'], fields: 'title!, code, credits:integer', belongsTo: ['Teacher'] },
    Enrollment: { words: ['enrollment', 'enrolment', 'enroll', 'enrol', 'registration'], fields: 'enrolledOn:date!, grade', joins: ['Student', 'Course'] },
    Classroom: { words: ['classroom'], fields: 'name!, capacity:integer' },
    Subject: { words: ['subject'], fields: 'name!' },
    Grade: { words: ['grade', 'mark'], fields: 'value:number!, date:date', belongsTo: ['Student', 'Subject'] },
  },
  core: ['Student', 'Course', 'Enrollment'],
} satisfies DomainInput;
