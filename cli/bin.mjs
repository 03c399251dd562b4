#!/usr/bin/env node
// The `qlayer` command. QuantumLayer is written in TypeScript and runs it directly through tsx,
// so there is no build step between a checkout and a working command.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./qlayer.ts');
process.exitCode = await main(process.argv.slice(2));
