import { describe, expect, it } from 'vitest';
import { measureFaq, runFaqLatencyBench, synthesizeEntries } from '../../../bench/faq-latency.js';
import { validateEntry } from '../../../src/knowledge/faq/validate-entry.js';
import { SMALL_KB } from './fixtures.js';

describe('the FAQ latency benchmark', () => {
  it('grows the real entries into valid, distinct synthetic ones', () => {
    const entries = synthesizeEntries(SMALL_KB, 30);
    expect(entries).toHaveLength(30);
    expect(new Set(entries.map((e) => e.id)).size).toBe(30);
    for (const entry of entries.slice(3)) expect(validateEntry(entry, entries.filter((e) => e !== entry))).toEqual([]);
  });

  it('reports percentiles for the index and for the linear-scan baseline measured in the same run', async () => {
    const result = await runFaqLatencyBench({ entries: 200, rounds: 1 });
    expect(result).toMatchObject({ entries: 200, queries: expect.any(Number) });
    expect(result.p50Ms).toBeGreaterThan(0);
    expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms);
    expect(result.baselineP99Ms).toBeGreaterThan(0);
  });
});

describe('measureFaq (contract 6 of the team rules)', () => {
  it('returns the build time, the longest stall while an edit is applied and the query p99, with the index built off the event loop', async () => {
    const lines: string[] = [];
    const result = await measureFaq({ entries: 120, log: (line) => lines.push(line) });
    expect(Object.keys(result).sort()).toEqual(['faqBuildMs', 'faqEditStallMs', 'faqQueryP99Ms']);
    expect(result.faqBuildMs).toBeGreaterThan(0);
    expect(result.faqEditStallMs).toBeGreaterThanOrEqual(0);
    expect(result.faqQueryP99Ms).toBeGreaterThan(0);
    expect(lines.join('\n')).toContain('(worker thread)');
    expect(lines.filter((l) => l.includes('questions answered meanwhile'))).toHaveLength(3);
  });
});
