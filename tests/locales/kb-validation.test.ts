import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planChanges } from '../../src/knowledge/faq/entry-changes.js';
import { parseEntryYaml } from '../../src/knowledge/faq/entry-files.js';
import { validateEntry, type EntryProblem } from '../../src/knowledge/faq/validate-entry.js';
import { kbValidationMessages } from '../../src/locales/kb-validation.js';
import { MESSAGES } from '../../src/locales/messages.js';
import { translate } from '../../src/locales/render.js';

const SRC = path.resolve(import.meta.dirname, '../../src/knowledge/faq');
const names = (t: string) => [...new Set([...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

/** Every message key and parameter reference the validator code can produce. */
function keysInCode(): string[] {
  const keys = new Set<string>();
  for (const file of ['validate-entry.ts', 'entry-changes.ts', 'entry-files.ts']) {
    const code = fs.readFileSync(path.join(SRC, file), 'utf8');
    for (const m of code.matchAll(/'(kbValidation\.[\w.-]+)'/g)) keys.add(m[1]!);
  }
  return [...keys];
}

describe('knowledge-base validation messages', () => {
  it('are registered, in both languages, with the same placeholders', () => {
    for (const [key, text] of Object.entries(kbValidationMessages)) {
      expect(MESSAGES[key], key).toEqual(text);
      expect(text['zh-CN'].trim(), key).not.toBe('');
      expect(text.en.trim(), key).not.toBe('');
      expect(names(text.en), key).toEqual(names(text['zh-CN']));
    }
  });

  it('has a text for every problem key the validator uses', () => {
    const used = keysInCode();
    expect(used.length).toBeGreaterThan(15);
    expect(used.filter((k) => !(k in kbValidationMessages))).toEqual([]);
  });

  it('renders every problem of a badly broken entry in both languages, with no placeholder left over', () => {
    const broken = {
      id: 'Bad Id',
      surprise: 1,
      title: 'no languages',
      questions: { 'zh-CN': ['hello', 'hello'], en: 'not a list' },
      answer: { 'zh-CN': '一。二。三。四。', en: 'Call {hotlne}.' },
      basis: { en: 'x' },
      contact: { 'zh-CN': 'x', en: '' },
      nextSteps: { 'zh-CN': ['x'], en: [] },
      tags: 'x',
      related: ['Bad Id', 'missing'],
      reviewBy: 'soon',
    };
    const problems: EntryProblem[] = [
      ...validateEntry(broken, []),
      ...validateEntry('text'),
      ...validateEntry({ questions: { en: ['工资'] } }),
      ...parseEntryYaml('a: [').problems,
      ...planChanges([{ id: 'x' }, { id: 'x' }], [], 'edit').problems.flatMap((p) => p.problems),
    ];
    const keys = new Set(problems.map((p) => p.key));
    expect(keys.size).toBeGreaterThan(15);
    for (const p of problems) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const text = translate(p.key, locale, p.params);
        // Only an unknown-placeholder problem may show braces: the placeholder the operator typed.
        const leftover = text.replace(/\{hotlne\}|\{(hotline|decisionDays|thresholdSummary|localScopeSummary|centreName)\}/g, '');
        expect(leftover, `${p.key} ${locale}`).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
