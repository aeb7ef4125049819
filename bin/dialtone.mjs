#!/usr/bin/env node
// The `dialtone` command: runs the TypeScript CLI in main/cli through tsx, so it works
// straight after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../main/cli/index.ts');
process.exitCode = await runCli(process.argv);
