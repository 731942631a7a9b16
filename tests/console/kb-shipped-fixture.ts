import type { FaqEntry } from '../../src/knowledge/faq/faq-entry.js';
import type { ConsoleFixture } from './console-fixture.js';

export const OURS = '本中心：欠薪先打热线{hotline}，工作人员帮您联系劳动监察。';
export const SHIPPED = '新版：被拖欠工资可以向劳动保障监察投诉，也可以申请劳动仲裁，仲裁不收费。';

/** The centre edited wage_arrears; then an update shipped a new text of it, which waits beside the centre's. */
export async function editedThenShipped(f: ConsoleFixture): Promise<{ ours: FaqEntry; shipped: FaqEntry }> {
  const store = f.app.repos.knowledge;
  const current = (await store.getEntry('wage_arrears'))!.entry;
  const ours = { ...current, answer: { ...current.answer, 'zh-CN': OURS } };
  const shipped = { ...current, answer: { ...current.answer, 'zh-CN': SHIPPED }, tags: [...current.tags, '讨薪仲裁'] };
  await store.saveEntries([ours], 'edit', { by: 'account:1', at: Date.now() });
  await store.takeShipped({ save: [], remember: [{ entry: shipped, pending: true }], stamp: 'next-release' }, 'release', Date.now());
  return { ours, shipped };
}

