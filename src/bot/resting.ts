import type { AnyActorRef, AnyMachineSnapshot, Subscription } from 'xstate';

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

/** The actor and every machine it invoked, recursively. */
function machines(actor: AnyActorRef, into: AnyActorRef[] = []): AnyActorRef[] {
  into.push(actor);
  const snapshot = actor.getSnapshot() as AnyMachineSnapshot | undefined;
  for (const child of Object.values(snapshot?.children ?? {}) as AnyActorRef[]) {
    const childSnapshot = child?.getSnapshot?.();
    if (childSnapshot && typeof childSnapshot.hasTag === 'function') machines(child, into);
  }
  return into;
}

/**
 * Waits until the conversation rests (no `busy` state anywhere). A child machine changes without
 * the root emitting a snapshot, so this listens to the root and to every machine it invoked (and
 * to new ones as they appear); no timer polls.
 */
export function waitUntilResting(actor: AnyActorRef, timeoutMs = 30_000): Promise<void> {
  if (!isBusy(actor.getSnapshot() as AnyMachineSnapshot)) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const listening = new Map<AnyActorRef, Subscription>();
    const finish = (error?: Error) => {
      clearTimeout(timer);
      for (const subscription of listening.values()) subscription.unsubscribe();
      listening.clear();
      if (error) reject(error);
      else resolve();
    };
    const check = () => {
      if (!isBusy(actor.getSnapshot() as AnyMachineSnapshot)) return finish();
      for (const machine of machines(actor)) {
        if (!listening.has(machine)) listening.set(machine, machine.subscribe({ next: check, error: check, complete: check }));
      }
    };
    const timer = setTimeout(() => finish(new Error(`Conversation stayed busy for more than ${timeoutMs} ms.`)), timeoutMs);
    check();
  });
}
