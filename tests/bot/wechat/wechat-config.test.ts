import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/config.js';
import { AES_KEY, APP_ID, APP_SECRET, TOKEN } from './wechat-fixture.js';

const FULL = { WECHAT_TOKEN: TOKEN, WECHAT_APP_ID: APP_ID, WECHAT_APP_SECRET: APP_SECRET };

function problems(env: Record<string, string>): string[] {
  try {
    parseConfig(env, '/tmp');
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('WeChat settings', () => {
  it('are off without any of the three, on with all three, with the default path and API', () => {
    expect(parseConfig({}, '/tmp').wechat).toBeNull();
    expect(parseConfig(FULL, '/tmp').wechat).toEqual({ token: TOKEN, appId: APP_ID, appSecret: APP_SECRET, apiRoot: 'https://api.weixin.qq.com', path: '/wechat' });
    expect(parseConfig({ ...FULL, WECHAT_ENCODING_AES_KEY: AES_KEY, WECHAT_PATH: '/wx/callback' }, '/tmp').wechat).toMatchObject({ encodingAesKey: AES_KEY, path: '/wx/callback' });
  });

  it('name what is wrong: a partial set, a bad token, app id, key or path', () => {
    expect(problems({ WECHAT_TOKEN: TOKEN })).toEqual([expect.stringContaining('all three')]);
    expect(problems({ ...FULL, WECHAT_TOKEN: 'a b' })).toEqual([expect.stringContaining('WECHAT_TOKEN')]);
    expect(problems({ ...FULL, WECHAT_APP_ID: 'abc' })).toEqual([expect.stringContaining('WECHAT_APP_ID')]);
    expect(problems({ ...FULL, WECHAT_ENCODING_AES_KEY: 'short' })).toEqual([expect.stringContaining('WECHAT_ENCODING_AES_KEY')]);
    expect(problems({ ...FULL, WECHAT_PATH: '/chat/x' })).toEqual([expect.stringContaining('WECHAT_PATH')]);
    // The secret never appears in a message.
    expect(problems({ ...FULL, WECHAT_APP_ID: 'abc' }).join(' ')).not.toContain(APP_SECRET);
  });
});
