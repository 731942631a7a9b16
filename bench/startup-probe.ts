// Run in a fresh process by bench/startup.ts: opens the app on an existing data folder and handles
// one message. Prints the times (ms since the process started) as one JSON line.
import { benchApp, message } from './bench-app.js';

const dir = process.argv[2]!;
const t0 = performance.now();
const { app } = await benchApp(dir, 'sqlite');
const created = performance.now();
await app.runner.handle(message('startup-probe', 0, { type: 'user.returned' }));
const startupMs = performance.now();
await app.close();
process.stdout.write(`${JSON.stringify({ startupMs: Math.round(startupMs), createAppMs: Math.round(created - t0) })}\n`);
