import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve(import.meta.dirname, '../../bin/fayuan.js');

/** Runs `fayuan <args>` as a child process with `input` on stdin; resolves with its output and exit code. */
export function runCli(args: string[], input: string, env: Record<string, string>, timeoutMs = 60_000) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`fayuan ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

/** Starts `fayuan <args>` and keeps stdin open, for tests that type, wait and kill. */
export function startCli(args: string[], env: Record<string, string>) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
  });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  return {
    child,
    output: () => stdout,
    type: (line: string) => child.stdin.write(`${line}\n`),
    /** Waits until the output contains `text` (after `from` characters). */
    async waitFor(text: string, from = 0, timeoutMs = 30_000) {
      const started = Date.now();
      while (!stdout.slice(from).includes(text)) {
        if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for "${text}". Output so far:\n${stdout}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}
