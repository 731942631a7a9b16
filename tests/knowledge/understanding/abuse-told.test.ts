import { describe, expect, it } from 'vitest';
import { abuseAtHomeTold } from '../../../src/knowledge/understanding/abuse-told.js';
import { detectDanger } from '../../../src/knowledge/understanding/danger.js';

/** Session 16: whom violence at home is told of — the resident, or a relative of theirs (the lead's "我妹妹被她老公打"). */
describe('abuseAtHomeTold', () => {
  it.each([
    '我妹妹被她老公打 打得鼻青脸肿的 我该怎么帮她',
    '我女儿经常被女婿打，她不敢跟我们说',
    '我姐被家暴了好几年',
    '我妹妹的老公天天打她',
    '我爸天天喝酒打我妈',
    '俺闺女让她男人打了',
    "my sister's husband beats her all the time",
    'my daughter is being beaten by her husband',
    'my mum is a victim of domestic violence',
    'my dad beats my mum when he drinks',
  ])('a relative: %s', (text) => expect(abuseAtHomeTold(text)).toBe('relative'));

  it.each(['我老公天天喝酒回来就打我', '他经常打我，我不敢回家', 'my husband hits me when he drinks'])('the resident: %s', (text) =>
    expect(abuseAtHomeTold(text)).toBe('self'),
  );

  it.each(['我弟弟被同学打了', '家暴可以申请法律援助吗', '我朋友经常被她老公打', '我老公天天打我电话', 'my son got into a fight at school'])('none: %s', (text) =>
    expect(abuseAtHomeTold(text)).toBeNull(),
  );

  // No danger warning at all (abuse-told.ts gives the relative's line), not merely not the child one.
  it('a grown daughter beaten by her husband is no child in danger; a child beaten still is', () => {
    expect(detectDanger('我女儿经常被女婿打，她不敢跟我们说')).toBeNull();
    expect(detectDanger('my daughter is being beaten by her husband and she is scared to leave')).toBeNull();
    expect(detectDanger('孩子被他爸打得浑身是伤')).toBe('child');
  });
});
