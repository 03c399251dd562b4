#!/usr/bin/env node
// The `qlayer` command from source, for development and the tests: TypeScript runs through tsx.
// The published binary is the compiled dist/cli/run.js (`npm run build`), which needs no loader.
import { register } from 'tsx/esm/api';

register();
await import('./run.ts');
