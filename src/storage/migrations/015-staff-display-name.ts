import type { Migration } from './migration.js';

/**
 * The name residents see when a console account talks to them (`fayuan staff add --name 王芳`), apart from the
 * login name colleagues and the audit log use. Null: residents see a neutral "工作人员 / staff member".
 */
export const staffDisplayNameMigration: Migration = {
  version: 15,
  name: 'staff-display-name',
  sql: `
    ALTER TABLE staff_accounts ADD COLUMN display_name TEXT;
  `,
};
