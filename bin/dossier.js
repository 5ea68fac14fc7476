#!/usr/bin/env node
// Entry point of the `dossier` command: the compiled CLI in lib/ (npm install compiles it).
import { main } from '../lib/cli.js';

process.exitCode = await main(process.argv.slice(2), process.cwd());
