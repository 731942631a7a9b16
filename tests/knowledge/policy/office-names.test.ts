import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/locales/render.js';
import { defaultPack } from './default-pack.js';

/**
 * English office names go inside sentences ("Contact {office}: …", "send this to {office}", "{office} will decide"):
 * the default pack writes them as proper names, never "Legal aid workstation at …" (QA, 2026-12-01).
 */
describe('the English names of the default pack\'s offices', () => {
  it('read as proper names inside a sentence', async () => {
    const pack = await defaultPack();
    for (const office of pack.offices) {
      const sentence = translate('eligibility.route', 'en', { office: office.name, address: office.address, phone: office.phone });
      expect(sentence, office.id).toMatch(/^Contact [A-Z]/);
      expect(sentence, office.id).not.toMatch(/Contact (the |a )?Legal aid/);
      // Every word but the small ones is capitalised, as a name is.
      for (const word of office.name.en.split(/\s+/)) if (!['of', 'at', 'the', 'and'].includes(word)) expect(word, office.name.en).toMatch(/^[A-Z]/);
    }
  });
});
