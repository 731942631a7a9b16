import { describe, expect, it } from 'vitest';
import { hidesNow } from '../../src/flows/hide-words.js';

describe('hidesNow: someone is coming and the resident asks to delete the chat', () => {
  it.each(['快删了 他来了', '他回来了 快删掉', 'delete everything now he is coming', 'he is coming, clear the chat'])('%s', (text) => expect(hidesNow(text)).toBe(true));
  it.each(['老公回来了就删我手机里的照片', 'he deleted my photos when he came home', '他把聊天记录删了 我怎么办', '删除我的记录', '他回来了 先不说了'])(
    'not: %s',
    (text) => expect(hidesNow(text)).toBe(false),
  );
});
