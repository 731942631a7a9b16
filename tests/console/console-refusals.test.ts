import { describe, expect, it } from 'vitest';
import { newCase } from '../fixtures/cases.js';
import { Client, consoleFixture } from './console-fixture.js';

const HAN = /[\u4e00-\u9fff]/;
const LATIN_WORD = /\b[A-Za-z]{3,}\b/g;

describe('refusals as staff read them in the console', () => {
  it('says a refused action in the account’s language only, not Chinese and English run together', async () => {
    const f = await consoleFixture([
      { username: 'wangfang', role: 'staff' },
      { username: 'zhaojun', role: 'staff' },
    ]);
    const { ref } = await f.app.services.cases.createCase(newCase({ at: f.clock.now }));
    const first = new Client(f.url);
    await first.login('wangfang');
    await first.request('POST', `/api/cases/${ref}/claim`, {});
    await first.request('POST', `/api/cases/${ref}/request-materials`, { documents: ['id_card'] });

    const chinese = new Client(f.url, 'zh-CN');
    await chinese.login('zhaojun');
    const english = new Client(f.url, 'en');
    await english.login('zhaojun');
    const attempts: [string, unknown][] = [
      ['claim', {}],
      ['request-materials', { documents: ['id_card'] }],
      ['accept', {}],
      ['refer', {}],
    ];
    for (const [action, body] of attempts) {
      const zh = await chinese.request('POST', `/api/cases/${ref}/${action}`, body);
      expect(zh.status, action).toBeGreaterThanOrEqual(400);
      const zhMessage = String(zh.body.error.message);
      // The reference and the colleague's login name are the only Latin words a Chinese message may hold.
      expect(zhMessage.replaceAll(ref, '').replaceAll('wangfang', '').match(LATIN_WORD), `${action}: ${zhMessage}`).toBeNull();
      const en = await english.request('POST', `/api/cases/${ref}/${action}`, body);
      expect(HAN.test(String(en.body.error.message)), `${action}: ${en.body.error.message}`).toBe(false);
    }
  });
});
