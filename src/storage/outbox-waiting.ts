/**
 * An outbox row `o` still to send: its id is among the waiting ones. A sent mark deletes the id from
 * `outbox_unsent` and leaves the row as it is; a dead letter's status is 'failed' (migration 018).
 */
export const WAITING = "o.status = 'pending' AND o.id IN (SELECT id FROM outbox_unsent)";
