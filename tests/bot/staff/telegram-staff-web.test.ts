import { describe, expect, it } from 'vitest';
import type { App } from '../../../src/bot/app.js';
import { textEvent } from '../../../src/bot/commands.js';
import type { InboundMessage } from '../../../src/bot/channel.js';
import { RecordingSender } from '../../helpers/test-app.js';
import { STAFF_CHAT, WAGES_APPLICATION, WANG, settle, staffMessages, staffPress, staffSays, startStaffBot } from './staff-telegram-fixture.js';

const WEB_RESIDENT = 'resident_0123456789abcdef';

/**
 * A web chat resident as the web adapter delivers them to the runner: a line matching a button label
 * of the bot's last reply is a press, anything else is typed.
 */
async function webResidentSays(app: App, lines: readonly string[]): Promise<void> {
  let choices: { id: string; label: string }[] = [];
  let n = 0;
  const send = async (event: InboundMessage['event']) => {
    const result = await app.runner.handle({ channel: 'web', userId: WEB_RESIDENT, address: WEB_RESIDENT, messageId: `w${++n}`, event });
    const withChoices = [...result.replies].reverse().find((r) => r.choices.length > 0);
    if (withChoices) choices = withChoices.choices;
  };
  await send({ type: 'user.returned' });
  for (const line of lines) {
    const picked = choices.find((c) => c.label === line);
    await send(picked ? { type: 'user.choice', id: picked.id } : textEvent(line));
  }
}

describe('Telegram staff group and a web chat resident', () => {
  it('posts a web application to the staff group and sends the web resident the same notices', async () => {
    const { fake, app } = await startStaffBot();
    const web = new RecordingSender();
    app.dispatcher.register('web', web);
    await webResidentSays(app, WAGES_APPLICATION.slice(1));
    const ref = web.texts(WEB_RESIDENT).join('\n').match(/FY-\d{8}-\d{4}/)?.[0];
    expect(ref).toBeDefined();
    await fake.waitUntil(() => staffMessages(fake, ref!).length === 1);
    const card = staffMessages(fake, ref!)[0]!;
    expect(card.text).toContain('（网页）');

    const before = web.sent.length;
    fake.inject(staffPress(fake, card, `staff:claim:${ref}`, WANG));
    await fake.waitUntil(() => web.sent.length === before + 1 && staffMessages(fake, `✅ ${ref}`).length === 1);
    const accept = fake.sent(STAFF_CHAT).length;
    fake.inject(staffPress(fake, card, `staff:accept:${ref}`, WANG));
    const [question] = (await fake.waitForSent(STAFF_CHAT, accept + 1)).slice(accept);
    fake.inject(staffSays(fake, '李明律师', WANG, question));
    await fake.waitUntil(() => web.sent.length === before + 2);
    await settle(fake, STAFF_CHAT);

    const notices = web.sent.slice(before);
    expect(notices.map((m) => m.address)).toEqual([WEB_RESIDENT, WEB_RESIDENT]);
    expect(web.texts(WEB_RESIDENT).slice(-2)).toEqual([
      expect.stringContaining(`您的申请 ${ref} 已由法律援助中心工作人员受理审查`),
      expect.stringContaining('承办律师：李明律师'),
    ]);
  });
});
