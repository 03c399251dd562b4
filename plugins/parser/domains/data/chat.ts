import type { DomainInput } from '../schema.ts';

/** Chat: People post messages in rooms and see each other's messages. */
export default {
  id: 'chat',
  title: 'Chat',
  kind: 'fullstack',
  signals: { chat: 3, chatroom: 3, 'chat room': 3, 'group chat': 3, messaging: 3, messenger: 3, 'slack clone': 3, message: 1, channel: 1 },
  entities: {
    Room: { words: ['room', 'chat room', 'chatroom', 'channel'], fields: 'name!, topic' },
    Message: { words: ['message', 'chat message'], fields: 'body:text!, authorName!', belongsTo: ['Room'] },
  },
  core: ['Room', 'Message'],
  behaviours: ['chat-rooms'],
} satisfies DomainInput;
