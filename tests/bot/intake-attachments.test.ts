import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { resident, testApp } from '../helpers/test-app.js';
import type { InboundMessage } from '../../src/bot/channel.js';

describe('documents sent during an application', () => {
  it('are linked to the case that is submitted', async () => {
    const app = await testApp(tempDir());
    const ana = resident('ana');
    const attachment: InboundMessage = {
      channel: 'console',
      userId: 'ana',
      address: 'ana',
      messageId: 'file-1',
      event: { type: 'user.attachment', attachment: { id: 'a'.repeat(32), fileName: '欠条.jpg', mimeType: 'image/jpeg', size: 2048 } },
    };
    const steps: InboundMessage[] = [
      ana.returned(), ana.choice('consent.agree'), ana.choice('menu.apply'), ana.choice('catgroup:wages'), ana.choice('opt:self'),
      ana.choice('opt:demo-city'), ana.text('45'), ana.choice('opt:none'), ana.choice('group:migrant_worker'), ana.choice('intake.groups.done'),
      ana.choice('intake.no_deadline'), ana.choice('intake.no'), ana.choice('intake.continue'), ana.text('包工头欠我两万元工资'),
    ];
    for (const step of steps) await app.runner.handle(step);
    const received = await app.runner.handle(attachment);
    expect(received.replies[0]!.text).toContain('1');
    for (const step of [ana.choice('intake.documents.done'), ana.text('张三'), ana.text('13800138000')]) await app.runner.handle(step);
    const receipt = await app.runner.handle(ana.choice('intake.confirm'));
    const ref = /FY-\d{8}-\d{4}/.exec(receipt.replies[0]!.text)![0];
    const files = await app.repos.attachments.forCase(ref);
    expect(files.map((f) => ({ id: f.id, fileName: f.fileName }))).toEqual([{ id: 'a'.repeat(32), fileName: '欠条.jpg' }]);
    await app.close();
  });
});
