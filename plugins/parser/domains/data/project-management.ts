import type { DomainInput } from '../schema.ts';

/** Project management: Tasks grouped in projects. */
export default {
  id: 'project-management',
  title: 'Project management',
  kind: 'react-spa',
  signals: { kanban: 3, 'project management': 3, 'task manager': 2, scrum: 3, sprint: 2, trello: 3, 'task board': 3, task: 1 },
  entities: {
    Project: { words: ['project', 'board'], fields: 'name!, description:text, status:enum(planned|active|done), deadline:date' },
    Task: { words: ['task', 'card', 'chore', 'errand'], fields: 'title!, completed:boolean, priority:enum(low|medium|high), dueDate:date', belongsTo: ['Project', 'Person'] },
    Person: { words: ['person', 'assignee'], fields: 'name!, email:email', plural: 'People' },
  },
  core: ['Task', 'Project'],
} satisfies DomainInput;
