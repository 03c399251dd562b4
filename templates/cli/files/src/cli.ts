#!/usr/bin/env node
import { run } from './main.ts';

// The entry point stays this small so tests can call run() with their own streams.
process.exitCode = await run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
});
