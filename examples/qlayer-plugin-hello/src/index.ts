import { definePlugin } from 'quantumlayer';
import { greet } from './greet.ts';
import { readme } from './readme.ts';

/**
 * `hello/greet` and `hello/readme`. QuantumLayer loads a plugin package by importing it and
 * taking its default export, so that is all this file does.
 */
export default definePlugin({
  name: 'hello',
  version: '0.1.0',
  description: 'Greets, and generates a README from a small project spec',
  platform: '^0.1.0',
  steps: { greet, readme },
});
