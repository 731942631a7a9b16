import { describe, expect, it } from 'vitest';
import { conversationHarness } from '../../fixtures/conversation-harness.js';
import type { BotReply, ResidentEvent } from '../../../src/flows/events.js';

type Harness = Awaited<ReturnType<typeof conversationHarness>>;

/** Answers from the category question up to the assessment; returns the assessment replies. */
async function assessmentFor(h: Harness, answers: ResidentEvent[]): Promise<BotReply[]> {
  await h.send(h.choice('consent.agree'));
  await h.send(h.choice('menu.apply'));
  let last: BotReply[] = [];
  for (const event of answers) last = await h.send(event);
  expect(last.map((r) => r.key).some((k) => k === 'intake.q.assessment' || k === 'intake.alternatives')).toBe(true);
  return last;
}

const c = (id: string): ResidentEvent => ({ type: 'user.choice', id });
const t = (text: string): ResidentEvent => ({ type: 'user.text', text });

/** [situation, answers from the category question to the assessment] */
const SITUATIONS: [string, ResidentEvent[]][] = [
  ['a migrant worker owed wages (LAL 31, 42, same day)', [c('catgroup:wages'), c('opt:self'), c('opt:demo-city'), t('45'), c('opt:none'), c('group:migrant_worker'), c('intake.groups.done'), c('intake.no_deadline'), c('intake.no')]],
  ['domestic violence with a hearing in 2 days (LAL 32, 44)', [c('catgroup:domestic_violence'), c('opt:self'), c('opt:demo-city'), t('32'), c('opt:none'), t('2'), c('intake.no')]],
  ['a minor suspect (LAL 25)', [c('catgroup:criminal'), c('cat:criminal_defense'), c('opt:relative'), c('opt:suspect'), c('intake.no'), c('opt:demo-city'), t('16'), c('intake.no_deadline'), c('intake.no')]],
  ['a 72-year-old in a pension matter (local rule, LAL 45)', [c('catgroup:other'), c('cat:pension'), c('opt:self'), c('opt:demo-county'), t('72'), c('intake.no_deadline'), c('intake.no')]],
  ['an inheritance matter, out of scope', [c('catgroup:family'), c('cat:inheritance'), c('opt:self'), c('opt:demo-city'), c('intake.no_deadline'), c('intake.no')]],
  ['compulsory treatment with a hearing tomorrow (LAL 28, 44)', [c('catgroup:criminal'), c('cat:compulsory_treatment'), c('opt:relative'), c('intake.no'), c('opt:demo-city'), t('1'), c('intake.no')]],
  ['a traffic victim over the threshold (LAL 31, 49)', [c('catgroup:traffic'), c('opt:self'), c('opt:demo-city'), t('40'), c('opt:none'), c('intake.groups.none'), c('opt:urban'), t('2'), t('5000'), c('intake.no_deadline'), c('intake.no')]],
];

const cited = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]!);

describe('the decision message in the chat', () => {
  it.each(SITUATIONS)('calls the decision a preliminary assessment that staff confirm: %s', async (_name, answers) => {
    const h = await conversationHarness();
    const replies = await assessmentFor(h, answers);
    expect(h.render(replies, 'zh-CN').map((r) => r.text).join('\n')).toMatch(/预判[\s\S]*工作人员/);
    expect(h.render(replies, 'en').map((r) => r.text).join('\n')).toMatch(/preliminary assessment[\s\S]*staff/i);
  });

  it.each(SITUATIONS)('has no repeated line and states the outcome once: %s', async (_name, answers) => {
    const h = await conversationHarness();
    const replies = await assessmentFor(h, answers);
    for (const locale of ['zh-CN', 'en'] as const) {
      const lines = h.render(replies, locale).flatMap((r) => r.text.split('\n')).map((l) => l.trim()).filter(Boolean);
      expect(lines.length - new Set(lines).size, lines.join('\n')).toBe(0);
    }
    const zh = h.render(replies).map((r) => r.text).join('\n');
    expect(zh.match(/可以申请法律援助|符合法律援助条件|不符合/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(zh.match(/免费(法律)?咨询/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(h.render(replies, 'en').map((r) => r.text).join('\n')).not.toMatch(/\b1 days\b/);
  });

  it.each(SITUATIONS)('writes every article in Chinese numerals and lists each article it cites in the basis line: %s', async (_name, answers) => {
    const h = await conversationHarness();
    const replies = await assessmentFor(h, answers);
    const zh = h.render(replies).map((r) => r.text).join('\n');
    expect(zh).not.toMatch(/第\s*\d+\s*条/);
    const basisLine = zh.split('\n').find((l) => l.startsWith('法律依据'))!;
    expect(basisLine).toBeDefined();
    const body = zh.replace(basisLine, '');
    for (const article of cited(body, /第([一二三四五六七八九十]+)条/g)) expect(basisLine).toContain(`第${article}条`);

    const en = h.render(replies, 'en').map((r) => r.text).join('\n');
    const enBasis = en.split('\n').find((l) => l.startsWith('Legal basis'))!;
    const enBody = en.replace(enBasis, '');
    const enArticles = [...enBody.matchAll(/arts?\. ([\d, ]+(?:and \d+)?)/g)].flatMap((m) => m[1]!.split(/,|and/).map((s) => s.trim()).filter(Boolean));
    for (const article of enArticles) expect(enBasis).toMatch(new RegExp(`\\b${article}\\b`));
  });
});

describe('claims in the chat (domain.md §2)', () => {
  it('still asks about disability and groups when they could change the outcome (a means-tested traffic case)', async () => {
    const h = await conversationHarness();
    await h.send(c('consent.agree'));
    await h.send(c('menu.apply'));
    const asked: string[] = [];
    for (const e of [c('catgroup:traffic'), c('opt:self'), c('opt:demo-city'), t('40'), c('opt:none')]) asked.push(...(await h.send(e)).map((r) => r.key));
    expect(asked).toEqual(expect.arrayContaining(['intake.q.disability', 'intake.q.groups']));
  });

  it('does not ask about groups when no claim could change the outcome (domestic violence, LAL 32)', async () => {
    const h = await conversationHarness();
    await h.send(c('consent.agree'));
    await h.send(c('menu.apply'));
    const asked: string[] = [];
    for (const e of [c('catgroup:domestic_violence'), c('opt:self'), c('opt:demo-city'), t('30'), c('opt:none')]) asked.push(...(await h.send(e)).map((r) => r.key));
    expect(asked).not.toContain('intake.q.groups');
  });
});

describe('the decision period in the assessment', () => {
  it.each([SITUATIONS[0]!, SITUATIONS[1]!])('does not promise "within N days" to a case handled the same day: %s', async (_name, answers) => {
    const h = await conversationHarness();
    const replies = await assessmentFor(h, answers);
    const zh = h.render(replies, 'zh-CN').map((r) => r.text).join('\n');
    const en = h.render(replies, 'en').map((r) => r.text).join('\n');
    expect(zh).toMatch(/当天/);
    expect(zh).not.toMatch(/\d+日内作出决定/);
    expect(en).toMatch(/same day/i);
    expect(en).not.toMatch(/decides within \d+ days/);
  });

  it('still tells an ordinary application the decision period', async () => {
    const h = await conversationHarness();
    const trafficVictimUnderThreshold = [c('catgroup:traffic'), c('opt:self'), c('opt:demo-city'), t('40'), c('opt:none'), c('intake.groups.none'), c('opt:urban'), t('2'), t('500'), c('intake.no_deadline'), c('intake.no')];
    const replies = await assessmentFor(h, trafficVictimUnderThreshold);
    expect(h.render(replies, 'zh-CN').map((r) => r.text).join('\n')).toMatch(/\d+日内作出决定/);
  });
});
