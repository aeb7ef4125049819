#!/usr/bin/env node
// The `dialtone` command: the bundled CLI when it is fresh, else its TypeScript sources
// through tsx (see cli-loader.mjs).
import { loadCli } from './cli-loader.mjs';

const runCli = await loadCli();
process.exitCode = await runCli(process.argv);
