#!/usr/bin/env node
// `npm start`: `dialtone start` with whatever flags follow `npm start --`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../main/cli/index.ts');
process.exitCode = await runCli([
  process.argv[0],
  process.argv[1],
  'start',
  ...process.argv.slice(2),
]);
