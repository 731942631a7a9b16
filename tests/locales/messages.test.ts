import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/locales/messages.js';

const SRC = path.resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'locales' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('locale catalogs', () => {
  it('has a non-empty Chinese and English text for every key', () => {
    for (const [key, text] of Object.entries(MESSAGES)) {
      expect(text['zh-CN'].trim(), key).not.toBe('');
      expect(text.en.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    const names = (t: string) => [...new Set([...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    for (const [key, text] of Object.entries(MESSAGES)) expect(names(text.en), key).toEqual(names(text['zh-CN']));
  });

  it('has a text for every literal message key the flows and channels use', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      const code = fs.readFileSync(file, 'utf8');
      for (const m of code.matchAll(/\breply\(\s*'([a-z_]+\.[\w.]+)'/g)) used.add(m[1]!);
      for (const m of code.matchAll(/\bchoice\(\s*[^,()]+,\s*'([a-z_]+\.[\w.]+)'/g)) used.add(m[1]!);
      for (const m of code.matchAll(/\bkey: '([a-z_]+\.[\w.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((k) => !(k in MESSAGES));
    expect(missing).toEqual([]);
  });
});
