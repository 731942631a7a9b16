import { expect } from 'vitest';

/** A reply as the transcript runner sees it: its key and its buttons. */
export interface RepliedButtons {
  key: string;
  choices?: readonly { id: string }[];
}

/** Whether a choice id matches a pattern: the id itself, or `x:*` for any id that starts with `x:`. */
export const matchesButton = (id: string, pattern: string): boolean => (pattern.endsWith('*') ? id.startsWith(pattern.slice(0, -1)) : id === pattern);

/**
 * `notButtons`: none of the turn's replies offers a button matching any pattern — not only the last reply (a consumer
 * answer followed by the menu must not offer `apply:wages` in either). Fails naming the reply that offers it.
 */
export function expectNoButtons(where: string, replies: readonly RepliedButtons[], unwanted: readonly string[]): void {
  for (const pattern of unwanted) {
    const offering = replies.filter((r) => (r.choices ?? []).some((c) => matchesButton(c.id, pattern)));
    expect(
      offering.map((r) => r.key),
      `${where}: no button ${pattern}, but offered by [${offering.map((r) => `${r.key}: ${(r.choices ?? []).map((c) => c.id).join(', ')}`).join('; ')}]`,
    ).toEqual([]);
  }
}
