import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addStandardToRegionsYaml, checkNewStandard, policyOverview } from '../../../src/knowledge/policy/new-standard.js';
import { loadPolicyPack } from '../../../src/knowledge/policy/load-policy-pack.js';
import { translate } from '../../../src/locales/render.js';
import type { Locale } from '../../../src/locales/catalog.js';
import { DEFAULT_PACK_DIR } from './default-pack.js';
import fs from 'node:fs';
import path from 'node:path';

const TODAY = '2026-12-03';
const citation = { 'zh-CN': '示例市民政局2027年城乡低保标准的通知', en: 'Demo City civil affairs notice on the 2027 standards' };
const good = { region: 'demo-city', effectiveFrom: '2027-01-01', urban: '1250', rural: '900', citation };

async function problems(input: Record<string, unknown>, locale: Locale = 'zh-CN') {
  const pack = await loadPolicyPack(DEFAULT_PACK_DIR);
  const result = checkNewStandard(pack, { ...good, ...input }, TODAY);
  if (result.ok) return {};
  return Object.fromEntries(result.problems.map((p) => [p.field, translate(p.key, locale, p.params)]));
}

describe('checkNewStandard: what an operator types for next year’s 低保 standard', () => {
  it('accepts amounts as people write them and keeps the current multiplier', async () => {
    const pack = await loadPolicyPack(DEFAULT_PACK_DIR);
    for (const [urban, expected] of [['1250', 1250], ['1,250', 1250], ['１２５０', 1250], ['1250元', 1250], [' 1250.50 ', 1250.5]] as const) {
      const result = checkNewStandard(pack, { ...good, urban }, TODAY);
      expect(result.ok, urban).toBe(true);
      if (result.ok) expect(result.standard.urban).toEqual({ minimumLiving: expected, multiplier: 2 });
    }
    const result = checkNewStandard(pack, { ...good, effectiveFrom: '2027年1月1日' }, TODAY);
    expect(result.ok && result.standard).toEqual({ effectiveFrom: '2027-01-01', citation, urban: { minimumLiving: 1250, multiplier: 2 }, rural: { minimumLiving: 900, multiplier: 2 } });
  });

  it('says kindly what is wrong with an amount', async () => {
    expect(await problems({ urban: '' })).toEqual({ urban: '请填写城镇低保标准：每人每月多少元，例如 1250。' });
    expect(await problems({ rural: 'abc' })).toEqual({ rural: '“abc”不是金额。请只写数字，单位是元，例如 1250 或 1250.50。' });
    expect(await problems({ urban: '0' })).toEqual({ urban: '低保标准要大于 0 元。' });
    expect(await problems({ urban: '-460' })).toEqual({ urban: '低保标准要大于 0 元。' });
    expect(await problems({ urban: '12.345' })).toEqual({ urban: '金额最多写到分（小数点后两位）。' });
    expect(await problems({ urban: '125000' })).toEqual({ urban: '每人每月 125000 元太高了，请核对一下（最多 20000 元）。' });
    expect(await problems({ rural: 'abc' }, 'en')).toEqual({ rural: '“abc” is not an amount. Write only the number of yuan, for example 1250 or 1250.50.' });
  });

  it('says kindly what is wrong with the date', async () => {
    expect(await problems({ effectiveFrom: '' })).toEqual({ effectiveFrom: '请填写新标准从哪一天开始执行。' });
    expect(await problems({ effectiveFrom: '2027-02-30' })).toEqual({ effectiveFrom: '“2027-02-30”不是日期。请写成 年-月-日，例如 2027-01-01。' });
    expect(await problems({ effectiveFrom: '2021-12-31' })).toEqual({
      effectiveFrom: '新标准的开始日期要晚于现行标准的开始日期（2022-01-01）。',
    });
    expect(await problems({ effectiveFrom: '2022-01-01' })).toEqual({
      effectiveFrom: '新标准的开始日期要晚于现行标准的开始日期（2022-01-01）。',
    });
    expect(await problems({ effectiveFrom: '2031-01-01' })).toEqual({ effectiveFrom: '2031-01-01 离今天超过三年，请核对年份。' });
    expect(await problems({ effectiveFrom: '2021-12-31' }, 'en')).toEqual({
      effectiveFrom: 'The new standard must start after the standard in force now, which started on 2022-01-01.',
    });
  });

  it('refuses a second standard from a day that already has one', async () => {
    const pack = await loadPolicyPack(DEFAULT_PACK_DIR);
    pack.regions[0]!.standards.push({ effectiveFrom: '2027-01-01', citation, urban: { minimumLiving: 1200, multiplier: 2 }, rural: { minimumLiving: 800, multiplier: 2 } });
    const result = checkNewStandard(pack, good, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(translate(result.problems[0]!.key, 'zh-CN', result.problems[0]!.params)).toBe(
        '从 2027-01-01 起已经登记了一个标准。日期不同的新标准才能登记；要改正已登记的那个，请点它下面的“改正这个标准”。',
      );
    }
    // Asked as a correction, the standard not yet in force is replaced; the one in force never is.
    const correction = checkNewStandard(pack, { ...good, replace: true }, TODAY);
    expect(correction).toMatchObject({ ok: true, replaces: true, standard: { effectiveFrom: '2027-01-01' } });
    const inForce = checkNewStandard(pack, { ...good, effectiveFrom: '2022-01-01', replace: true }, TODAY);
    expect(inForce.ok).toBe(false);
  });

  it('asks for the basis in both languages and for a known region', async () => {
    expect(await problems({ citation: { 'zh-CN': ' ', en: 'x' } })).toEqual({ 'citation.zh-CN': '请写明依据，例如公布新标准的通知名称。' });
    expect(await problems({ citation: { 'zh-CN': '通知', en: '' } })).toEqual({ 'citation.en': '请也写上英文的依据（英文页面上显示）。' });
    expect(await problems({ region: 'demo-town' })).toEqual({ region: '没有这个地区，请重新打开本页再试。' });
    expect(await problems({ citation: { 'zh-CN': '通'.repeat(301), en: 'x' } })).toEqual({ 'citation.zh-CN': '依据写得太长了（301 个字），请只写通知的名称，300 个字以内。' });
  });

  it('writes the basis on one line however it was typed', async () => {
    const pack = await loadPolicyPack(DEFAULT_PACK_DIR);
    const result = checkNewStandard(pack, { ...good, citation: { 'zh-CN': ' 示例市民政局\n关于2027年低保标准的通知 ', en: 'Demo City\n notice' } }, TODAY);
    expect(result.ok && result.standard.citation).toEqual({ 'zh-CN': '示例市民政局 关于2027年低保标准的通知', en: 'Demo City notice' });
  });
});

describe('addStandardToRegionsYaml', () => {
  it('adds the standard under its region and keeps the comments and the older standards', async () => {
    const text = fs.readFileSync(path.join(DEFAULT_PACK_DIR, 'regions.yaml'), 'utf8');
    const pack = await loadPolicyPack(DEFAULT_PACK_DIR);
    const result = checkNewStandard(pack, good, TODAY);
    if (!result.ok) throw new Error('expected ok');
    const written = addStandardToRegionsYaml(text, 'demo-city', result.standard);
    expect(written).toContain('# Regions and their hardship standards.');
    const doc = parse(written);
    expect(doc.regions[0].standards).toHaveLength(2);
    expect(doc.regions[0].standards[1]).toEqual({ effectiveFrom: '2027-01-01', citation, urban: { minimumLiving: 1250, multiplier: 2 }, rural: { minimumLiving: 900, multiplier: 2 } });
    expect(doc.regions[1]).toEqual(parse(text).regions[1]);
  });
});

describe('policyOverview', () => {
  it('shows per region the standard in force today, from when, and what comes next', async () => {
    const pack = await loadPolicyPack(DEFAULT_PACK_DIR);
    pack.regions[0]!.standards.push({ effectiveFrom: '2027-01-01', citation, urban: { minimumLiving: 1250, multiplier: 2 }, rural: { minimumLiving: 900, multiplier: 2 } });
    const view = policyOverview(pack, TODAY);
    expect(view).toMatchObject({ today: TODAY, hotline: '12348', decisionDays: 7, urgentSameDay: true });
    expect(view.regions[0]).toMatchObject({
      id: 'demo-city',
      current: { effectiveFrom: '2022-01-01', urban: { minimumLiving: 460, multiplier: 2, threshold: 920 }, rural: { minimumLiving: 275, multiplier: 2, threshold: 550 } },
      upcoming: [{ effectiveFrom: '2027-01-01', urban: { minimumLiving: 1250, multiplier: 2, threshold: 2500 } }],
      office: { id: 'demo-city-center', phone: '0000-12348000' },
    });
    expect(view.regions[1]!.upcoming).toEqual([]);
    expect(view.offices.map((o) => o.id)).toEqual(['demo-city-center', 'demo-city-women', 'demo-city-union', 'demo-city-detention', 'demo-county-center']);
  });
});
