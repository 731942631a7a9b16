/** What the console's change feed says: ids only, the page fetches the rest through the API. */
export type StaffEvent =
  | { type: 'case.created'; ref: string; office: string | null; urgent: boolean }
  | { type: 'case.changed'; ref: string; office: string | null; status: string }
  /** The resident withdrew the application in the chat. */
  | { type: 'case.withdrawn'; ref: string; office: string | null }
  | { type: 'live.requested'; id: string; channel: string }
  | { type: 'live.changed'; id: string; state: string }
  | { type: 'live.message'; id: string }
  | { type: 'danger'; id: string; kind: string }
  | { type: 'kb.changed'; id: string };

/** A tiny in-process publish/subscribe for the change feed. */
export class StaffEventBus {
  private readonly listeners = new Set<(event: StaffEvent) => void>();

  publish(event: StaffEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken subscriber does not stop the others.
      }
    }
  }

  subscribe(listener: (event: StaffEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
