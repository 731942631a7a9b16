import type { AnyActorRef, AnyMachineSnapshot } from 'xstate';

/** True while the machine or any machine it invoked is in a state tagged `busy` (waiting for an effect). */
export function isBusy(snapshot: AnyMachineSnapshot): boolean {
  if (snapshot.status !== 'active') return false;
  if (snapshot.hasTag('busy')) return true;
  for (const child of Object.values(snapshot.children ?? {}) as AnyActorRef[]) {
    const childSnapshot = child?.getSnapshot?.();
    if (childSnapshot && typeof childSnapshot.hasTag === 'function' && isBusy(childSnapshot as AnyMachineSnapshot)) return true;
  }
  return false;
}

/**
 * Waits until the conversation rests (no `busy` state anywhere). Child machines change without the
 * root emitting a snapshot, so this also checks on each turn of the event loop.
 */
export async function waitUntilResting(actor: AnyActorRef, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (isBusy(actor.getSnapshot() as AnyMachineSnapshot)) {
    if (Date.now() - started > timeoutMs) throw new Error(`Conversation stayed busy for more than ${timeoutMs} ms.`);
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        subscription.unsubscribe();
        resolve();
      };
      const subscription = actor.subscribe({ next: done, error: done, complete: done });
      const timer = setTimeout(done, 2);
    });
  }
}
