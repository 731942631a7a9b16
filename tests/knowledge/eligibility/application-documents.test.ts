import { beforeAll, describe, expect, it } from 'vitest';
import { assess } from '../../../src/knowledge/eligibility/assess.js';
import { applicationDocuments } from '../../../src/knowledge/eligibility/decision-documents.js';
import type { PolicyPack } from '../../../src/knowledge/policy/types.js';
import { DATE, defaultPack } from '../policy/default-pack.js';

/**
 * Session 20: a relative who applies for someone (LAL 24: a close relative of a suspect or defendant; a daughter for
 * her elderly mother) brings their own proof of identity and proof of the relationship (户口簿, 出生医学证明); the
 * documents listed left both out when the case itself needs no ID card (a mandatory appointment).
 */
describe('applicationDocuments: what a relative applying brings besides the decision’s documents', () => {
  let pack: PolicyPack;
  beforeAll(async () => {
    pack = await defaultPack();
  });

  it("adds the relative's ID and the proof of the relationship to a detained adult's case papers", () => {
    const decision = assess({ region: 'demo-county', category: 'criminal_defense', hasDefender: false, age: 25, disability: 'hearing' }, pack, DATE);
    expect(applicationDocuments(decision.documents, pack, { onBehalf: true })).toEqual(['criminal_case_papers', 'id_card', 'kinship_proof']);
  });

  it('adds each document once: an elderly mother’s case already lists the ID card and the relationship proof', () => {
    const decision = assess({ region: 'demo-city', category: 'elder_support', age: 82 }, pack, DATE);
    const documents = applicationDocuments(decision.documents, pack, { onBehalf: true });
    expect(documents.filter((d) => d === 'kinship_proof')).toHaveLength(1);
    expect(documents.filter((d) => d === 'id_card')).toHaveLength(1);
  });

  it('adds nothing for one’s own application, nor to a matter that needs no documents', () => {
    const own = assess({ region: 'demo-county', category: 'criminal_defense', hasDefender: false, age: 25, disability: 'hearing' }, pack, DATE);
    expect(applicationDocuments(own.documents, pack, { onBehalf: false })).toEqual(['criminal_case_papers']);
    expect(applicationDocuments([], pack, { onBehalf: true })).toEqual([]);
  });

  it('adds nothing with a pack that lists no documents for a relative applying', () => {
    const older = { ...pack, requirements: { ...pack.requirements, onBehalf: undefined } };
    expect(applicationDocuments(['criminal_case_papers'], older, { onBehalf: true })).toEqual(['criminal_case_papers']);
  });
});
