import { describe, expect, it } from 'vitest';
import { correctionTarget } from '../../../src/flows/intake/correction-words.js';
import type { StepId } from '../../../src/flows/intake/intake-types.js';

const ANSWERED: StepId[] = ['category', 'relation', 'region', 'age', 'disability', 'groups', 'deadlineDays', 'needsPreservation', 'description', 'documents', 'name', 'phone'];

describe('a correction typed at the summary names the answer to ask again', () => {
  it.each([
    ['年龄填错了 应该是54', 'age'],
    ['电话写错了', 'phone'],
    ['改电话 13911112222', 'phone'],
    ['名字写错了，是张山', 'name'],
    ['地区选错了', 'region'],
    ['the phone number is wrong', 'phone'],
    ['my age is wrong', 'age'],
  ])('%s → %s', (text, step) => expect(correctionTarget(text, ANSWERED)).toBe(step));

  it.each([
    ['同意'],
    ['应该是54'],                       // says what, not which answer
    ['电话和名字都写错了'],              // two answers: the change list decides
    ['收入填错了'],                      // not asked in this application
    ['等一下 我再想想'],
  ])('leaves %s to the summary', (text) => expect(correctionTarget(text, ANSWERED)).toBeNull());
});
