import { createApp, type App } from '../../../src/bot/app.js';
import { createLogger } from '../../../src/bot/logger.js';
import { conversationKey } from '../../../src/bot/channel.js';
import { startWebChat, type RunningWebChat, type WebChatOptions } from '../../../src/bot/web/start-web-chat.js';
import { parseConfig } from '../../../src/config.js';
import { translate } from '../../../src/locales/render.js';

export const zh = (key: string, params?: Record<string, string>) => translate(key, 'zh-CN', params);
export const en = (key: string, params?: Record<string, string>) => translate(key, 'en', params);

/** A smallest valid PNG (1×1), for uploads that must pass the type check. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export interface WebChatFixture {
  app: App;
  web: RunningWebChat;
  /** The bot's texts in a web resident's transcript, oldest first. */
  botTexts(resident: string): Promise<string[]>;
  close(): Promise<void>;
}

/** The real app on a temp data folder with the web chat on a free port of 127.0.0.1. */
export async function startFixture(dataDir: string, env: Record<string, string> = {}, options: WebChatOptions = {}): Promise<WebChatFixture> {
  const config = parseConfig({ FAYUAN_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', ...env });
  const app = await createApp(config, createLogger('silent'));
  const web = await startWebChat(app, options);
  return {
    app,
    web,
    async botTexts(resident) {
      const entries = await app.repos.conversations.recentTranscript(conversationKey('web', resident), 200);
      return entries.filter((e) => e.direction === 'out').map((e) => (e.body as { text: string }).text);
    },
    async close() {
      await web.close();
      await app.close();
    },
  };
}
