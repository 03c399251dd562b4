import { main } from './qlayer.ts';

// The compiled `qlayer` binary (dist/cli/run.js); cli/bin.mjs runs the same through tsx from source.
process.exitCode = await main(process.argv.slice(2));
