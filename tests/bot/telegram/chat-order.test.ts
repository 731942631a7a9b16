import { describe, expect, it } from 'vitest';
import { ChatOrder } from '../../../src/bot/telegram/chat-order.js';

/** A promise settled from outside, like a download finishing. */
function later<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('ChatOrder', () => {
  it('hands a ready message on synchronously when nothing is pending for its chat', () => {
    const order = new ChatOrder();
    const delivered: string[] = [];
    void order.submit('ana', 'hello', async (m) => void delivered.push(m));
    expect(delivered).toEqual(['hello']);
  });

  it("holds a chat's later messages behind one still being prepared, and no other chat's", async () => {
    const order = new ChatOrder();
    const delivered: string[] = [];
    const deliver = async (m: string) => void delivered.push(m);
    const download = later<string>();
    const photo = order.submit('ana', download.promise, deliver);
    const text = order.submit('ana', 'after the photo', deliver);
    void order.submit('bo', 'bo meanwhile', deliver);
    expect(delivered).toEqual(['bo meanwhile']);
    download.resolve('photo');
    await Promise.all([photo, text]);
    expect(delivered).toEqual(['bo meanwhile', 'photo', 'after the photo']);
    void order.submit('ana', 'later still', deliver);
    expect(delivered.at(-1)).toBe('later still');
  });

  it('goes on with the next message when a preparation fails', async () => {
    const order = new ChatOrder();
    const delivered: string[] = [];
    const deliver = async (m: string) => void delivered.push(m);
    const download = later<string>();
    const failed = order.submit('ana', download.promise, deliver);
    const next = order.submit('ana', 'next', deliver);
    download.reject(new Error('network down'));
    await expect(failed).rejects.toThrow('network down');
    await next;
    expect(delivered).toEqual(['next']);
  });
});
