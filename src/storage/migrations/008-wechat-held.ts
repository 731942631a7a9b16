import type { Migration } from './migration.js';

/**
 * WeChat replies the platform would not take (the resident has not written for 48 hours, or too many
 * replies to one message): each waits in the outbox until the resident writes again. This table
 * tells staff which ones wait, since when and why. It holds outbox ids only (whose conversation is read from the outbox), no
 * message text and no resident id, so erasing a conversation's outbox leaves nothing about them here.
 */
export const wechatHeldMigration: Migration = {
  version: 8,
  name: 'wechat-held',
  sql: `
    CREATE TABLE wechat_held (
      outbox_id INTEGER PRIMARY KEY,
      errcode INTEGER NOT NULL,
      held_at INTEGER NOT NULL,
      delivered_at INTEGER
    );
    CREATE INDEX wechat_held_waiting ON wechat_held (delivered_at, held_at);
  `,
};
