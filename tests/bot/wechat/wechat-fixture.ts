import { afterEach } from 'vitest';
import type { App } from '../../../src/bot/app.js';
import type { RunningChannel } from '../../../src/bot/running-channel.js';
import { startWebChat } from '../../../src/bot/web/start-web-chat.js';
import { startWechat, type WechatChannel, type WechatOptions } from '../../../src/bot/wechat/wechat-channel.js';
import { WechatCipher } from '../../../src/bot/wechat/wechat-crypto.js';
import { mountWechat, startWechatServer } from '../../../src/bot/wechat/wechat-server.js';
import { translate } from '../../../src/locales/render.js';
import { FakeWechatApi, type WechatResident } from '../../helpers/fake-wechat-api.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { testApp } from '../../helpers/test-app.js';

export const APP_ID = 'wx0123456789abcdef';
export const APP_SECRET = 'test-app-secret-0123456789abcdef';
export const TOKEN = 'fayuanTestToken42';
/** 43 characters, as the platform shows an EncodingAESKey. */
export const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

export const zh = (key: string, params?: Record<string, string>) => translate(key, 'zh-CN', params);
export const en = (key: string, params?: Record<string, string>) => translate(key, 'en', params);

export interface TestWechat {
  fake: FakeWechatApi;
  app: App;
  wechat: WechatChannel;
  dataDir: string;
  /** The callback URL the platform would be configured with. */
  callbackUrl: string;
  resident: (openId: string) => WechatResident;
  /** Closes the bot (not the fake), as a restart does. */
  stop: () => Promise<void>;
}

const fakes: FakeWechatApi[] = [];
const running: { channels: RunningChannel[]; app: App }[] = [];

export async function startFake(): Promise<FakeWechatApi> {
  const fake = await FakeWechatApi.start(APP_ID, APP_SECRET);
  fakes.push(fake);
  return fake;
}

/**
 * The real app and WeChat channel against a fake API on 127.0.0.1: on the web chat's server with
 * `web: true`, else on a callback server of its own. Closed after the test.
 */
export async function startTestWechat(
  options: { fake?: FakeWechatApi; dataDir?: string; env?: Record<string, string>; web?: boolean; wechat?: WechatOptions } = {},
): Promise<TestWechat> {
  const fake = options.fake ?? (await startFake());
  const dataDir = options.dataDir ?? tempDir();
  const app = await testApp(dataDir, {
    WECHAT_TOKEN: TOKEN,
    WECHAT_APP_ID: APP_ID,
    WECHAT_APP_SECRET: APP_SECRET,
    WECHAT_API_ROOT: fake.url,
    PORT: '0',
    ...(options.web ? { WEB_CHAT: 'on' } : {}),
    ...options.env,
  });
  const config = app.config.wechat;
  if (!config) throw new Error('The test config did not turn WeChat on.');
  const wechat = startWechat(app, config, options.wechat);
  const channels: RunningChannel[] = [wechat];
  let port: number;
  if (options.web) {
    const web = await startWebChat(app, { mount: mountWechat(wechat) });
    channels.push(web);
    port = web.port;
  } else {
    const server = await startWechatServer(app, wechat);
    channels.push(server);
    port = server.port;
  }
  const entry = { channels, app };
  running.push(entry);
  const callbackUrl = `http://127.0.0.1:${port}${config.path}`;
  const cipher = config.encodingAesKey ? new WechatCipher(config.encodingAesKey, config.appId) : undefined;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const channel of [...channels].reverse()) await channel.close();
    await app.close();
  };
  (entry as { stop?: () => Promise<void> }).stop = stop;
  return { fake, app, wechat, dataDir, callbackUrl, resident: (openId) => fake.resident(openId, callbackUrl, TOKEN, cipher), stop };
}

afterEach(async () => {
  for (const entry of running.splice(0).reverse()) await (entry as { stop?: () => Promise<void> }).stop?.();
  for (const fake of fakes.splice(0)) await fake.close();
});
