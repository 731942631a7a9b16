import { describe, expect, it } from 'vitest';
import { choicesForCaseInProgress } from '../../src/flows/case-in-progress-choices.js';
import { choice } from '../../src/flows/replies.js';

const underAnswer = [
  { id: 'faq:complaint', label: { 'zh-CN': '投诉', en: 'Complaints' } },
  choice('menu.apply', 'faq.choice.apply'),
  choice('menu.back', 'core.back_to_menu'),
];
const wages = { ref: 'FY-20261203-0001', category: 'wages' };

describe('the buttons under an answer for a resident with an application in progress', () => {
  it('puts the progress of that application first, named by its reference', () => {
    const choices = choicesForCaseInProgress(underAnswer, [wages]);
    expect(choices[0]).toEqual(choice('menu.status', 'faq.choice.status_of', { ref: 'FY-20261203-0001' }));
  });

  it('offers another application only as another matter, below the answer\'s topics', () => {
    const ids = choicesForCaseInProgress(underAnswer, [wages]).map((c) => c.id);
    expect(ids).toEqual(['menu.status', 'faq:complaint', 'menu.apply', 'menu.back']);
    expect(choicesForCaseInProgress(underAnswer, [wages])[2]).toEqual(choice('menu.apply', 'faq.choice.apply_another'));
  });

  it('never offers a second application for a problem of the kind already applied for', () => {
    const told = [choice('apply:wages', 'conv.story.apply'), ...underAnswer.slice(0, 1), choice('menu.back', 'core.back_to_menu')];
    expect(choicesForCaseInProgress(told, [wages]).map((c) => c.id)).toEqual(['menu.status', 'faq:complaint', 'menu.back']);
  });

  it('keeps an application for another kind of problem, after the progress', () => {
    const told = [choice('apply:work_injury', 'conv.story.apply'), choice('menu.back', 'core.back_to_menu')];
    expect(choicesForCaseInProgress(told, [wages]).map((c) => c.id)).toEqual(['menu.status', 'apply:work_injury', 'menu.back']);
  });

  it('names no reference when several applications are in progress', () => {
    const choices = choicesForCaseInProgress(underAnswer, [wages, { ref: 'FY-20261203-0002', category: 'work_injury' }]);
    expect(choices[0]).toEqual(choice('menu.status', 'faq.choice.status'));
  });

  it('shows the progress once when the answer already offered it (the entry on checking progress)', () => {
    const asked = [choice('menu.status', 'faq.choice.status'), ...underAnswer];
    expect(choicesForCaseInProgress(asked, [wages]).filter((c) => c.id === 'menu.status')).toHaveLength(1);
  });

  it('leaves the buttons alone without an application in progress, or when they offer no application', () => {
    expect(choicesForCaseInProgress(underAnswer, [])).toEqual(underAnswer);
    const suggestions = [underAnswer[0]!, choice('menu.human', 'faq.choice.human')];
    expect(choicesForCaseInProgress(suggestions, [wages])).toEqual(suggestions);
  });
});
