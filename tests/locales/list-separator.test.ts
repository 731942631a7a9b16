import { describe, expect, it } from 'vitest';
import { translate } from '../../src/locales/render.js';

// Found in the web chat in English (session 13): "This service can only take applications for Demo City、Demo County".
describe('a list joined with the Chinese enumeration comma', () => {
  const regions = { items: [{ 'zh-CN': '示例市本级', en: 'Demo City' }, { 'zh-CN': '示例县', en: 'Demo County' }], separator: '、' };

  it('reads "A, B" in English', () => {
    const text = translate('intake.region.not_listed', 'en', { regions, hotline: '12348' });
    expect(text).toContain('Demo City, Demo County');
    expect(text).not.toContain('、');
  });

  it('keeps 、 in Chinese', () => {
    expect(translate('intake.region.not_listed', 'zh-CN', { regions, hotline: '12348' })).toContain('示例市本级、示例县');
  });

  it('leaves other separators as they are', () => {
    expect(translate('intake.region.not_listed', 'en', { regions: { ...regions, separator: ' / ' }, hotline: '12348' })).toContain('Demo City / Demo County');
  });
});
