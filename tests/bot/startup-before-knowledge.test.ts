import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/bot/app.js';
import type { InboundMessage } from '../../src/bot/channel.js';
import { createLogger } from '../../src/bot/logger.js';
import { parseConfig } from '../../src/config.js';
import { translate } from '../../src/locales/render.js';
import { openMemoryRepositories } from '../../src/storage/memory/open-memory-repositories.js';
import { tempDir } from '../helpers/temp-dir.js';

const say = (n: number, event: InboundMessage['event']): InboundMessage => ({ channel: 'console', userId: 'early', address: 'early', messageId: `m${n}`, event });

describe('starting with a large knowledge base', () => {
  it('greets residents before the FAQ index is built, and answers a question asked meanwhile once it is', async () => {
    const repos = openMemoryRepositories();
    // A knowledge base that takes as long as we like to load.
    let release!: () => void;
    const loading = new Promise<void>((resolve) => (release = resolve));
    const listEntries = repos.knowledge.listEntries.bind(repos.knowledge);
    repos.knowledge.listEntries = async () => {
      await loading;
      return listEntries();
    };
    const config = parseConfig({ FAYUAN_DATA_DIR: tempDir(), WEB_CHAT: 'off', LOG_LEVEL: 'silent', PRIVACY_SENSITIVE_CONSENT: 'off' });
    const app = await createApp(config, createLogger('silent'), { repositories: repos, waitForKnowledge: false });

    const greeting = await app.runner.handle(say(0, { type: 'user.returned' }));
    expect(greeting.replies[0]!.text).toBe(translate('core.greeting', 'zh-CN'));
    await app.runner.handle(say(1, { type: 'user.choice', id: 'consent.agree' }));

    let answered = false;
    const question = app.runner.handle(say(2, { type: 'user.text', text: '申请法律援助要带什么材料？' })).then((r) => ((answered = true), r));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answered).toBe(false);

    release();
    const reply = await question;
    expect(reply.replies.map((r) => r.text).join('\n')).not.toContain(translate('faq.unknown', 'zh-CN'));
    expect(app.services.knowledge.entries.length).toBeGreaterThan(10);
    await app.close();
  });
});
