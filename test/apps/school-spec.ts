import { parsePrompt } from '../../plugins/parser/parse.ts';
import type { AppKind, AppSpec } from '../../plugins/parser/spec.ts';

/**
 * A spec built by hand with a many-to-many relation through a join entity: students and
 * courses, linked by enrollments that belong to both. The parser is not needed to produce it.
 */
export function schoolSpec(kind: Extract<AppKind, 'fullstack' | 'react-spa' | 'rest-api'>): AppSpec {
  const base = parsePrompt(kind === 'react-spa' ? 'Create a todo app with React' : kind === 'rest-api' ? 'a REST API for a bookstore with books and authors' : 'a full-stack recipe manager with a React frontend and an API').spec;
  return {
    ...base,
    name: { package: 'school-app', title: 'School App' },
    description: 'students enroll in courses',
    entities: [
      {
        name: 'Student',
        plural: 'Students',
        fields: [
          { name: 'name', label: 'Name', type: 'string', required: true },
          { name: 'email', label: 'Email', type: 'email', required: true },
        ],
        relations: [{ type: 'hasMany', entity: 'Enrollment' }],
      },
      {
        name: 'Course',
        plural: 'Courses',
        fields: [
          { name: 'title', label: 'Title', type: 'string', required: true },
          { name: 'credits', label: 'Credits', type: 'integer', required: false },
        ],
        relations: [{ type: 'hasMany', entity: 'Enrollment' }],
      },
      {
        name: 'Enrollment',
        plural: 'Enrollments',
        fields: [
          { name: 'enrolledOn', label: 'Enrolled on', type: 'date', required: true },
          { name: 'status', label: 'Status', type: 'enum', required: true, options: ['active', 'completed', 'dropped'] },
          { name: 'website', label: 'Website', type: 'url', required: false },
        ],
        relations: [
          { type: 'belongsTo', entity: 'Student' },
          { type: 'belongsTo', entity: 'Course' },
        ],
      },
    ],
  };
}
