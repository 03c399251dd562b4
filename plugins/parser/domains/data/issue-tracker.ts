import type { DomainInput } from '../schema.ts';

/** Issue tracker: Issues in projects, and the discussion on each. */
export default {
  id: 'issue-tracker',
  title: 'Issue tracker',
  kind: 'fullstack',
  signals: { 'bug tracker': 3, 'issue tracker': 3, 'issue tracking': 3, jira: 3, bug: 1.5, issue: 1 },
  entities: {
    Project: { words: ['project', 'repository', 'repo'], fields: 'name!, description:text' },
    Issue: { words: ['issue', 'ticket'], fields: 'title!, description:text, status:enum(open|in-progress|closed), labels', belongsTo: ['Project'] },
    Bug: { words: ['bug', 'bug report'], fields: 'title!, description:text, severity:enum(minor|major|critical), status:enum(open|in-progress|closed)', belongsTo: ['Project'] },
    Comment: { words: ['comment'], fields: 'body:text!, authorName', belongsTo: ['Issue', 'Bug'] },
  },
  core: ['Issue', 'Project'],
} satisfies DomainInput;
