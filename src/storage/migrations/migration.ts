/** One schema change. Versions are applied in ascending order, once, each in its own transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
