import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntryFiles, dumpEntryYaml, parseEntryYaml } from '../../../src/knowledge/faq/entry-files.js';
import { DEMO_POLICY_VALUES } from '../../../src/knowledge/faq/policy-values.js';
import { renderAnswer } from '../../../src/knowledge/faq/render-answer.js';
import { toFaqEntry } from '../../../src/knowledge/faq/validate-entry.js';

const FAQ_DIR = path.resolve(import.meta.dirname, '../../../knowledge/faq');

/** The topic ids of domain.md §4. */
const TOPICS = `what_is_legal_aid who_qualifies economic_hardship_standard exempt_groups scope_civil criminal_defense mandatory_defense
duty_lawyer how_to_apply where_to_apply documents_needed honesty_pledge processing_time urgent_cases refusal_objection cost choose_lawyer
termination hotline_12348 consultation_free wage_arrears work_injury labor_contract labor_arbitration traffic_accident medical_dispute
domestic_violence divorce child_support elder_support inheritance land_contract house_expropriation social_insurance state_compensation
agricultural_inputs consumer_rights mediation notary_aid forensic_appraisal remote_application disabled_services minors military privacy
case_status complaint limitation_period`.split(/\s+/);

/** Topics residents ask about that domain.md §4 does not list (issue 12 §4). */
const ADDED_TOPICS = ['judgment_enforcement', 'fraud_scam', 'rent_deposit', 'online_shopping', 'neighbour_dispute', 'debt_collection', 'private_loan', 'crime_victim', 'school_discipline', 'device_safety'];
const ALL_TOPICS = [...TOPICS, ...ADDED_TOPICS];

const { entries, problems } = readEntryFiles(FAQ_DIR);
const byId = new Map(entries.map((e) => [e.id, e]));

describe('the seed knowledge base', () => {
  it('has one valid entry for every topic of domain.md §4 and the topics added since', () => {
    expect(problems).toEqual([]);
    expect([...byId.keys()].sort()).toEqual([...ALL_TOPICS].sort());
  });

  it('renders every answer with no placeholder left unfilled', () => {
    for (const entry of entries) {
      for (const locale of ['zh-CN', 'en'] as const) expect(renderAnswer(entry, locale, DEMO_POLICY_VALUES)).not.toMatch(/\{\w+\}/);
    }
  });

  it('reads local numbers from the policy pack rather than writing them down', () => {
    expect(byId.get('processing_time')!.answer['zh-CN']).toContain('{decisionDays}');
    expect(byId.get('economic_hardship_standard')!.answer.en).toContain('{thresholdSummary}');
    for (const entry of entries) expect(entry.contact['zh-CN'] + entry.contact.en).toContain('{hotline}');
  });

  it.each([
    ['labor_arbitration', '1年', '1 year'],
    ['work_injury', '30日', '30 days'],
    ['domestic_violence', '72小时', '72 hours'],
    ['domestic_violence', '6个月', '6 months'],
    ['child_support', '20%到30%', '20-30%'],
    ['state_compensation', '2年', '2 years'],
    ['limitation_period', '3年', '3 years'],
    ['refusal_objection', '5日', '5 days'],
    ['honesty_pledge', '3000元', '3,000 yuan'],
    ['consumer_rights', '12315', '12315'],
    ['mediation', '免费', 'free'],
    ['labor_contract', '二倍工资', 'double wages'],
    ['traffic_accident', '交强险', 'compulsory traffic insurance'],
  ])('%s states the domain fact (%s)', (id, zh, en) => {
    const entry = byId.get(id)!;
    expect(entry.answer['zh-CN']).toContain(zh);
    expect(entry.answer.en).toContain(en);
  });

  it('survives a round trip through YAML unchanged', () => {
    for (const entry of entries) {
      expect(toFaqEntry(parseEntryYaml(dumpEntryYaml(entry)).value, entries)).toEqual(entry);
    }
  });

  it('gives every entry a review date', () => {
    for (const entry of entries) expect(entry.reviewBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('has one file per entry, named after its id', () => {
    expect(fs.readdirSync(FAQ_DIR).sort()).toEqual(ALL_TOPICS.map((t) => `${t}.yaml`).sort());
  });
});
