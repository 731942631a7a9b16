import { describe, expect, it } from 'vitest';
import { describesMigrantWork, groupAskedAbout } from '../../../src/knowledge/understanding/group-question.js';
import { GROUPS } from '../../../src/knowledge/eligibility/vocabulary.js';
import { MESSAGES } from '../../../src/locales/messages.js';

// At the groups question, asking what a group means is answered there and ticks nothing (session 18).
describe('groupAskedAbout', () => {
  it.each([
    ['进城务工人员是什么意思', 'migrant_worker'],
    ['我在城里打工算不算农民工', 'migrant_worker'],
    ['what does migrant worker mean', 'migrant_worker'],
    ['am i a migrant worker?', 'migrant_worker'],
    ['优抚对象是啥', 'special_care_recipient'],
    ['什么是司法救助', 'judicial_assistance_recipient'],
    ['低保户算吗', 'social_assistance_recipient'],
    ['what is special care', 'special_care_recipient'],
    ["what's a registered poor household", 'registered_poor'],
  ] as const)('%s → %s', (text, group) => expect(groupAskedAbout(text)).toBe(group));

  it.each(['我是农民工', '农民工', 'migrant worker', 'i am a migrant worker and my boss owes me', '这些是什么意思', 'what do these mean'])('%s: no single group asked about', (text) =>
    expect(groupAskedAbout(text)).toBeNull(),
  );
});

describe('describesMigrantWork', () => {
  it.each(['我是农村来的 在厂里干活', '老家农村的，在工地上班', 'im from the countryside and work in a factory here', 'i come from a village and have been working in the city for 5 years'])(
    '%s',
    (text) => expect(describesMigrantWork(text)).toBe(true),
  );
  it.each(['我是农民工', '我住在城里', '农村的', 'i live in the city', 'i work in a factory', 'we have a farm'])('%s: not that', (text) =>
    expect(describesMigrantWork(text)).toBe(false),
  );
});

// The groups step answers "what does X mean" with `intake.explain.group.<id>`: every group has its meaning in both languages.
describe('every group has its meaning', () => {
  it.each([...GROUPS])('%s', (group) => {
    const entry = MESSAGES[`intake.explain.group.${group}`];
    expect(entry?.['zh-CN']).toBeTruthy();
    expect(entry?.en).toBeTruthy();
  });
});
