// The check thread's entry. A worker thread does not inherit the TypeScript loader of the thread
// that starts it: tsx registered by cli/bin.mjs with module.register(), `--import tsx` in
// execArgv, and vitest's own transform all stay behind. So in the source tree tsx is registered
// here, for this thread only, before the TypeScript module is imported; in the compiled dist/
// the thread's module is JavaScript and needs no loader. Plain JavaScript on purpose.
import { existsSync } from 'node:fs';

const compiled = new URL('./thread.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./thread.ts');
}
