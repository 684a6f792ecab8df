#!/usr/bin/env node
// The mimeo command. The TypeScript sources are compiled to lib/ by `npm install` (the `prepare` script).
import { main } from '../lib/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
