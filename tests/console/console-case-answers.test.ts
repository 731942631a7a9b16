import { describe, expect, it } from 'vitest';
import { newCase } from '../fixtures/cases.js';
import { Client, consoleFixture } from './console-fixture.js';

describe('the resident’s answers on the case page, in English', () => {
  it('labels each answer for the staff member reading it, not with the question put to the resident', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const facts = {
      category: 'wages',
      region: 'demo-city',
      age: 45,
      disability: 'none',
      groups: ['migrant_worker'],
      residence: 'urban',
      householdSize: 3,
      householdMonthlyIncome: 2500,
      fixedIncome: true,
      deadlineDays: 3,
      needsPreservation: false,
      criminalRole: 'suspect',
      hasDefender: false,
      possibleSentence: 'ordinary',
      submitAnyway: true,
    };
    const { ref } = await f.app.services.cases.createCase(newCase({ at: f.clock.now, facts } as never));
    const client = new Client(f.url, 'en');
    await client.login('wangfang');
    const answers = (await client.request('GET', `/api/cases/${ref}`)).body.case.answers as { key: string; label: string }[];
    expect(answers.length).toBe(Object.keys(facts).length);
    for (const { key, label } of answers) {
      expect(label, key).toMatch(/^[A-Z]/);
      expect(label, key).not.toMatch(/\byour?\b/i);
    }
  });
});
