#!/usr/bin/env node
// Runs the compiled build when it is current (`npm run build`: starts about a second faster), else the
// TypeScript sources directly through tsx, so a checkout needs no build step.
import { pathToFileURL } from 'node:url';
import { compiledFile } from './compiled.js';

const compiled = compiledFile('src/main.js');
let main;
if (compiled) {
  ({ main } = await import(pathToFileURL(compiled).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/main.ts'));
}
await main(process.argv.slice(2));
