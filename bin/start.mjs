#!/usr/bin/env node
// `npm start`: `dialtone start` with whatever flags follow `npm start --`.
import { loadCli } from './cli-loader.mjs';

const runCli = await loadCli();
process.exitCode = await runCli([
  process.argv[0],
  process.argv[1],
  'start',
  ...process.argv.slice(2),
]);
