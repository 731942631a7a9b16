import fs from 'node:fs';

/** The machine's CPU counters from /proc/stat (Linux), or null elsewhere. */
function cpuTicks(): { steal: number; total: number } | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user.
    return { steal: fields[7] ?? 0, total: fields.slice(0, 8).reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}

/**
 * Starts counting the share of the machine's CPU time the hypervisor gave to other guests ("steal"):
 * on a shared virtual machine it says how much of a slow figure was the host. Call the result to read
 * the percentage since the start (null where /proc/stat does not exist).
 */
export function measureSteal(): () => number | null {
  const start = cpuTicks();
  return () => {
    const end = cpuTicks();
    if (!start || !end || end.total === start.total) return null;
    return (100 * (end.steal - start.steal)) / (end.total - start.total);
  };
}
