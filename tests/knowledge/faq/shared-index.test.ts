import { describe, expect, it } from 'vitest';
import { buildIndexData, FaqIndex } from '../../../src/knowledge/faq/faq-index.js';
import { TextAnalyzer } from '../../../src/knowledge/faq/text-analyzer.js';
import { discardArrays, readShared, writeShared } from '../../../src/knowledge/faq/worker/shared-index.js';
import { entry, SMALL_KB } from './fixtures.js';

const analyzer = new TextAnalyzer();
const build = (entries = SMALL_KB) => ({ 'zh-CN': buildIndexData(entries, 'zh-CN', analyzer), en: buildIndexData(entries, 'en', analyzer) });

describe('an index in a shared buffer', () => {
  it('reads back as the same index, searching alike, whether the buffer is new, reused or too small', () => {
    const small = build();
    const first = writeShared(small, 0, undefined);
    expect(readShared(first.layout, first.buffer)).toEqual(small);

    // A smaller index fits the same buffer; a larger one gets a new buffer.
    const smaller = build(SMALL_KB.slice(0, 2));
    const reused = writeShared(smaller, 0, first.buffer);
    expect(reused.buffer).toBe(first.buffer);
    expect(readShared(reused.layout, reused.buffer)).toEqual(smaller);
    const larger = build([...SMALL_KB, ...Array.from({ length: 40 }, (_, i) => entry(`extra_${i}`))]);
    const grown = writeShared(larger, 0, first.buffer);
    expect(grown.buffer).not.toBe(first.buffer);
    const read = readShared(grown.layout, grown.buffer);
    expect(read).toEqual(larger);
    const search = (data: typeof larger) => FaqIndex.fromData(data['zh-CN'], analyzer).search('公司拖欠工资三个月了');
    expect(search(read as typeof larger)).toEqual(search(larger));
  });

  it('frees the arrays it was copied from', () => {
    const data = build();
    writeShared(data, 1, undefined);
    discardArrays(data);
    expect(data.en.docs.length).toBe(0);
    expect(data['zh-CN'].terms.units.length).toBe(0);
  });
});
