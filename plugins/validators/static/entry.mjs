// The check thread's entry. A worker thread does not inherit the TypeScript loader of the thread
// that starts it: tsx registered by cli/bin.mjs with module.register(), `--import tsx` in
// execArgv, and vitest's own transform all stay behind. So tsx is registered here, for this
// thread only, before the TypeScript module is imported. Plain JavaScript on purpose.
import { register } from 'tsx/esm/api';

register();
await import('./thread.ts');
