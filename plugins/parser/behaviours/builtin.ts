import type { BehaviourInput } from './schema.ts';

/**
 * The behaviours the parser recognises. Evidence patterns are what a reviewer looks for in the
 * generated code; they are deliberately about what the code does (hashes passwords, answers
 * 302, refuses an overlapping booking), not about file names a generator happens to choose.
 */
export const BUILTIN_BEHAVIOURS: readonly BehaviourInput[] = [
  {
    id: 'auth',
    title: 'Sign-up and login',
    triggers: ['login', 'logins', 'signup', 'password', 'auth', 'authentication', 'authenticated', 'accounts', 'user accounts', 'sign up', 'log in', 'must log in', 'jwt', 'oauth'],
    needsServer: true,
    evidence: ['(?:scrypt|bcrypt|argon2|pbkdf2)', '(?:/login|/signup|/sign-in|/register)'],
    notBuilt: 'there are no accounts with hashed passwords, so writes are not protected by a login',
  },
  {
    id: 'redirect-clicks',
    title: 'Redirects with click counting',
    triggers: ['redirect', 'shortener', 'shortner', 'shorten', 'short link', 'short url', 'short code', 'bitly', 'tinyurl', 'click', 'clicks'],
    needsServer: true,
    evidence: ['\\b30[1278]\\b', 'clicks'],
    notBuilt: 'short codes do not redirect to their URL and clicks are not counted',
  },
  {
    id: 'voting',
    title: 'Voting with tallies',
    triggers: ['vote', 'votes', 'voting', 'voted', 'upvote', 'upvotes', 'downvote', 'likes', 'like them', 'like posts', 'poll', 'tally', 'tallies'],
    needsServer: true,
    evidence: ['votes?', '(?:tally|tallies|count)'],
    notBuilt: 'there is no way to cast a vote and see the tally',
  },
  {
    id: 'quiz',
    title: 'Taking a quiz with a score',
    triggers: ['quiz', 'quizz', 'quize', 'quizzes', 'quizes', 'trivia', 'exam', 'exams', 'quiz mode', 'leaderboard', 'graded'],
    needsServer: false,
    evidence: ['score', '(?:answer|choice)'],
    notBuilt: 'questions can be edited but not answered, and nothing is scored',
  },
  {
    id: 'charts',
    title: 'Charts',
    triggers: ['chart', 'charts', 'graph', 'graphs', 'statistics', 'stats', 'pie chart', 'bar chart', 'per month', 'per week', 'per day', 'per category', 'visualize', 'visualise'],
    needsServer: false,
    evidence: ['<svg', '(?:chart|bar|slice)'],
    notBuilt: 'the app lists the data but draws no chart of it',
  },
  {
    id: 'booking',
    title: 'Booking with availability checks',
    triggers: ['booking', 'bookings', 'book a', 'book an', 'book the', 'book tickets', 'book spots', 'book appointments', 'can book', 'to book', 'and book', 'reserve', 'reservation', 'reservations', 'rental', 'rentals', 'rented', 'double booking', 'double bookings', 'availability', 'overlapping', 'time slot'],
    needsServer: true,
    evidence: ['(?:overlap|already (?:booked|taken|reserved)|double.?book|not available|unavailable)'],
    notBuilt: 'bookings are stored but nothing stops two bookings of the same thing at the same time',
  },
  {
    id: 'chat-rooms',
    title: 'Messages in rooms, refreshed live',
    triggers: ['chat', 'chats', 'chatroom', 'chat room', 'messaging', 'messenger', 'group chat'],
    needsServer: true,
    evidence: ['message', '(?:EventSource|WebSocket|setInterval|text/event-stream)'],
    notBuilt: 'messages are stored but other people\'s messages do not appear until the page is reloaded',
  },
  {
    id: 'cart-checkout',
    title: 'Cart and checkout',
    triggers: ['cart', 'carts', 'basket', 'checkout', 'shopping cart', 'ordering system', 'order online'],
    needsServer: true,
    evidence: ['cart', 'checkout', 'total'],
    notBuilt: 'products can be listed but not put in a cart and ordered with a total',
  },
  {
    id: 'search',
    title: 'Search',
    triggers: ['search', 'searchable', 'searching', 'searched', 'lookup', 'full text'],
    needsServer: false,
    evidence: ['search'],
    notBuilt: 'lists cannot be searched',
  },
  {
    id: 'csv',
    title: 'CSV export and import',
    triggers: ['csv', 'export', 'exports', 'import', 'imports', 'spreadsheet', 'excel'],
    needsServer: false,
    evidence: ['csv'],
    notBuilt: 'data cannot be exported to or imported from CSV files',
  },
  {
    id: 'due-dates',
    title: 'Due dates with overdue marking',
    triggers: ['duedate', 'due', 'overdue', 'deadline', 'deadlines'],
    needsServer: false,
    evidence: ['overdue'],
    notBuilt: 'items have no due date that turns them overdue',
  },
  {
    id: 'tags',
    title: 'Tags',
    triggers: ['tag', 'tags', 'tagged', 'tagging', 'label', 'labels', 'labelled', 'labeled'],
    needsServer: false,
    evidence: ['tags?'],
    notBuilt: 'items cannot be tagged or filtered by tag',
  },
];
