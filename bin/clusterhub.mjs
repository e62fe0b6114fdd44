#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx: one codebase, no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
const code = await runCli(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
