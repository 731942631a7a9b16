import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerAction } from '../../../src/knowledge/faq/answer-actions.js';

const FAQ = path.resolve(import.meta.dirname, '../../../knowledge/faq');

describe('the one-tap step under an answer', () => {
  it.each([
    ['case_status', 'status'],
    ['cost', null],
    ['wage_arrears', null],
    ['no_such_entry', null],
  ])('%s → %s', (id, action) => {
    expect(answerAction(id)).toBe(action);
  });

  it('names an entry that exists in the seed files', () => {
    expect(fs.existsSync(path.join(FAQ, 'case_status.yaml'))).toBe(true);
  });
});
