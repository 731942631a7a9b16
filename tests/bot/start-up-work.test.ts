import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/bot/app.js';
import { createLogger } from '../../src/bot/logger.js';
import { parseConfig } from '../../src/config.js';
import { intentClassifierTrained } from '../../src/knowledge/intents/intent-classifier.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('start-up work', () => {
  it('trains the intent classifier before the bot takes messages, not on the event loop while residents chat', async () => {
    expect(intentClassifierTrained()).toBe(false);
    const config = parseConfig({ FAYUAN_DATA_DIR: tempDir(), WEB_CHAT: 'off', LOG_LEVEL: 'silent' });
    // As `serve` starts: messages are taken before the FAQ index is ready.
    const app = await createApp(config, createLogger('silent'), { waitForKnowledge: false });
    expect(intentClassifierTrained()).toBe(true);
    await app.services.knowledgeReady;
    await app.close();
  });
});
