/**
 * The cost of one small group commit (not part of `npm run bench`):
 *   npx tsx bench/commit-probe.ts [TURNS] [COMMITS] [--ride]
 * Commits of TURNS turns each (default 1), each followed by the sent mark of its messages, back to
 * back, through `openRepositories` with a data key (sealed, as the bot writes), on a real file with
 * `synchronous = FULL`. Prints the CPU of all threads and of the main thread alone (from /proc), the
 * wall time and how often the main thread went to sleep, per commit; run variants in alternation: the
 * figures move with the machine's other load. `--ride`: the sent marks are not waited for and ride
 * with the next commit, as in the open loop (each round is then one commit, not two).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openRepositories } from '../src/storage/open-repositories.js';
const turns = Number(process.argv[2] ?? 1);
const N = Number(process.argv[3] ?? 1500);
const ride = process.argv.includes('--ride');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmicro-'));
const repos = await openRepositories({ databaseFile: path.join(dir, 'fayuan.sqlite'), dataDir: dir, attachmentsDir: path.join(dir, 'attachments') });
const store = repos.conversations;
const snapshot = { value: 'intake', context: { answers: { age: 58, name: '王小明', phone: '13800138000', story: '老板欠我工资三个月'.repeat(5) } } };
let n = 0;
const commitOne = async () => {
  const ids = await Promise.all(Array.from({ length: turns }, (_, i) => store.commitTurn({
    conversation: { key: `web:r${i}`, channel: 'web', address: `r${i}`, machineVersion: 'v', snapshot, recentMessageIds: ['m1', 'm2'], updatedAt: 0 },
    forgetTranscript: false,
    transcript: [{ direction: 'in', body: { text: '我的老板拖欠工资' } }, { direction: 'out', body: { key: 'intake.ask.age', text: '请问您多大年纪？' } }],
    outbox: [{ payload: { kind: 'text', text: '请问您多大年纪？' } }],
    at: Date.now() + n++,
  })));
  const marked = store.markSent(ids.flat(), Date.now());
  if (!ride) await marked;
};
for (let i = 0; i < 200; i++) await commitOne();
const threads = () => fs.readdirSync('/proc/self/task').reduce((s, t) => s + Number(fs.readFileSync(`/proc/self/task/${t}/schedstat`, 'utf8').split(' ')[0]) / 1000, 0);
const sleeps = () => Number(/voluntary_ctxt_switches:\s+(\d+)/.exec(fs.readFileSync(`/proc/self/task/${process.pid}/status`, 'utf8'))?.[1] ?? 0);
const main = () => Number(fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1000;
const c0 = threads(); const m0 = main(); const s0 = sleeps(); const t0 = performance.now();
for (let i = 0; i < N; i++) await commitOne();
const cpu = threads() - c0; const mainCpu = main() - m0; const wall = (performance.now() - t0) * 1000;
// Per commit: each round is the turns' commit and the sent marks' commit (hence / 2), or with --ride one commit.
const commits = ride ? N : N * 2;
console.log(JSON.stringify({ turns, ride, cpuUsPerCommit: Math.round(cpu / commits), mainUsPerCommit: Math.round(mainCpu / commits), wallUsPerCommit: Math.round(wall / commits), mainSleepsPerCommit: Math.round(((sleeps() - s0) / commits) * 100) / 100, load: fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0] }));
await repos.close();
fs.rmSync(dir, { recursive: true, force: true });
