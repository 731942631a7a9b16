import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { consolePageMessages } from '../../src/locales/console-pages.js';
import { consoleMessages } from '../../src/locales/console.js';
import { MESSAGES } from '../../src/locales/messages.js';

const PUBLIC = path.resolve('src/console/public');
const known: Record<string, unknown> = { ...MESSAGES, ...consoleMessages, ...consolePageMessages };

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const sources = files(PUBLIC).filter((f) => /\.(js|html)$/.test(f));
const text = sources.map((f) => fs.readFileSync(f, 'utf8')).join('\n');

/** Keys built from ids at run time (`inbox.state.${state}`): every id the pages use. */
const DYNAMIC = [
  ...['open', 'new', 'claimed', 'materials_requested', 'accepted', 'declined', 'referred', 'closed', 'withdrawn', 'all'].map((s) => `inbox.state.${s}`),
  ...['ref', 'category', 'status', 'urgency', 'due', 'office', 'assignee', 'created'].map((c) => `inbox.col.${c}`),
  ...['username', 'role', 'office', 'state', 'last_login', 'actions'].map((c) => `accounts.col.${c}`),
  ...['at', 'account', 'action', 'target', 'outcome', 'detail'].map((c) => `audit.col.${c}`),
  ...['claim', 'assign', 'request_materials', 'materials_received', 'accept', 'decline', 'refer', 'close', 'reopen'].map((a) => `console.action.${a}`),
  ...['answer', 'suggest', 'unknown'].map((b) => `kb.band.${b}`),
  ...['title', 'questions', 'answer', 'nextSteps', 'basis', 'contact'].map((f) => `kb.field.${f}`),
  ...['byCategory', 'byGroup', 'byOutcome', 'byResolution', 'byChannel'].map((s) => `report.section.${s}`),
  ...['staff', 'supervisor', 'operator', 'admin'].map((r) => `page.role.${r}`),
  ...['zh-CN', 'en'].map((l) => `case.locale.${l}`),
  ...['urban', 'rural'].map((r) => `localPolicy.col.${r}`),
  ...['urban', 'rural', 'urban_fixed', 'rural_fixed'].map((r) => `localPolicy.add.${r}`),
  ...['living', 'multiplier', 'threshold'].map((r) => `localPolicy.row.${r}`),
  ...['centre', 'workstation'].map((k) => `localPolicy.kind.${k}`),
  ...['from', 'urban', 'rural', 'kept'].map((d) => `audit.detail.${d}`),
];

describe('console page texts', () => {
  it('has a text in both languages for every key the pages show', () => {
    const used = new Set([
      ...[...text.matchAll(/\bt\('([\w.-]+)'/g)].map((m) => m[1]!),
      ...[...text.matchAll(/data-(?:text|label|placeholder|title)="([\w.-]+)"/g)].map((m) => m[1]!),
      ...[...text.matchAll(/\{\{([\w.-]+)\}\}/g)].map((m) => m[1]!),
      ...DYNAMIC,
    ]);
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !(key in known))).toEqual([]);
  });

  it('gives every page text in Chinese and English with the same placeholders', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, entry] of Object.entries(consolePageMessages)) {
      expect(entry['zh-CN'].trim(), key).not.toBe('');
      expect(entry.en.trim(), key).not.toBe('');
      expect(names(entry.en), key).toEqual(names(entry['zh-CN']));
    }
  });

  it('writes no visible words into the page scripts themselves', () => {
    // Chinese characters outside the locale files would be text a person sees that no catalog holds.
    const scripts = sources.filter((f) => f.endsWith('.js'));
    const offenders = scripts.flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .filter((line) => /[\u4e00-\u9fff]/.test(line) && !/^(\/\/|\/\*|\*)/.test(line.trim()))
        .map((line) => `${path.basename(f)}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it('loads nothing from another origin', () => {
    expect(text).not.toMatch(/(src|href)="https?:\/\//);
    expect(text).not.toMatch(/import\s.*from\s+'https?:/);
  });
});
