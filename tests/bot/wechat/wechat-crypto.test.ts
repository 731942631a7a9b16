import { describe, expect, it } from 'vitest';
import { WechatCipher, wechatSignature } from '../../../src/bot/wechat/wechat-crypto.js';
import { buildWechatXml, parseWechatXml } from '../../../src/bot/wechat/wechat-xml.js';
import { splitUtf8 } from '../../../src/bot/wechat/split-utf8.js';
import { AES_KEY, APP_ID } from './wechat-fixture.js';

describe('WeChat signatures and safe mode', () => {
  it('signs the sorted parts with SHA-1, as the platform does', () => {
    // The platform's documented order: sort the strings, join, SHA-1.
    expect(wechatSignature('token', '1409659813', '1372623149')).toBe(wechatSignature('1372623149', 'token', '1409659813'));
    expect(wechatSignature('a', 'b')).toBe('da23614e02469a0d7c7bd1bdab5c9c474b1904dc'); // sha1("ab")
  });

  it('decrypts what it encrypted, with Chinese text, and refuses another app id or a tampered payload', () => {
    const cipher = new WechatCipher(AES_KEY, APP_ID);
    const xml = buildWechatXml({ FromUserName: 'o-ana', Content: '老板欠我三个月工资不给' });
    const encrypted = cipher.encrypt(xml);
    expect(Buffer.from(encrypted, 'base64').length % 32).toBe(0);
    expect(cipher.decrypt(encrypted)).toBe(xml);
    expect(cipher.encrypt(xml)).not.toBe(encrypted); // 16 random bytes lead every payload
    expect(() => new WechatCipher(AES_KEY, 'wx9999999999999999').decrypt(encrypted)).toThrow(/another app id/);
    const tampered = Buffer.from(encrypted, 'base64');
    tampered[tampered.length - 1] = tampered[tampered.length - 1]! ^ 0xff;
    expect(() => cipher.decrypt(tampered.toString('base64'))).toThrow();
  });

  it('refuses a key that is not 43 characters of base64', () => {
    expect(() => new WechatCipher('short', APP_ID)).toThrow(/43 characters/);
  });
});

describe('reading callback XML', () => {
  it('keeps values as strings (64-bit MsgId), unwraps CDATA literally and decodes plain entities', () => {
    const fields = parseWechatXml(
      '<xml><MsgId>24312345678901234567</MsgId><Content><![CDATA[a &amp; <b>]]></Content><Label>x &lt; y</Label>' +
        '<SendLocationInfo><Location_X>23.1</Location_X></SendLocationInfo></xml>',
    );
    expect(fields).toEqual({ MsgId: '24312345678901234567', Content: 'a &amp; <b>', Label: 'x < y', Location_X: '23.1' });
  });

  it('refuses malformed documents, DOCTYPEs and oversized bodies', () => {
    expect(parseWechatXml('<xml><a>')).toBeUndefined();
    expect(parseWechatXml('<!DOCTYPE xml [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><a>&e;</a></xml>')).toBeUndefined();
    expect(parseWechatXml(`<xml><a>${'x'.repeat(70_000)}</a></xml>`)).toBeUndefined();
    expect(parseWechatXml('<other><a>1</a></other>')).toBeUndefined();
  });
});

describe('splitting long texts at WeChat\'s 2048-byte limit', () => {
  it('never cuts a character and keeps every part within the limit', () => {
    const text = '法律援助'.repeat(600); // 7200 bytes
    const parts = splitUtf8(text, 2048);
    expect(parts.length).toBe(4);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(2048);
    expect(parts.join('')).toBe(text);
  });

  it('prefers a line break near the end of a part', () => {
    const text = `${'甲'.repeat(500)}\n${'乙'.repeat(500)}`;
    expect(splitUtf8(text, 2048)).toEqual(['甲'.repeat(500), '乙'.repeat(500)]);
  });
});
