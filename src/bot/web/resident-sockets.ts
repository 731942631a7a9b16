import { randomUUID } from 'node:crypto';
import type { ServerFrame } from './web-protocol.js';

/** The part of a `ws` socket the web chat uses. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string, callback: (error?: Error) => void): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  ping(): void;
}

const OPEN = 1;

/** One open page. It belongs to a resident once a valid frame names them, and is ready after its history was sent. */
export class Connection {
  readonly id = randomUUID();
  resident: string | null = null;
  ready = false;
  alive = true;
  private readonly awaiting = new Map<number, Set<(received: boolean) => void>>();

  constructor(
    readonly socket: SocketLike,
    /** The network address the page connected from (for limits; never logged). */
    readonly address = '',
  ) {}

  /**
   * Writes a bot message and resolves `true` once the page confirms it by outbox id, `false` when it
   * does not within `timeoutMs` or the page closes: a write to a socket the browser just closed succeeds.
   */
  deliver(frame: ServerFrame & { id: number }, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const waiters = this.awaiting.get(frame.id) ?? new Set();
      const done = (received: boolean) => {
        clearTimeout(timer);
        waiters.delete(done);
        if (waiters.size === 0) this.awaiting.delete(frame.id);
        resolve(received);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      waiters.add(done);
      this.awaiting.set(frame.id, waiters);
      void this.send(frame).then((written) => {
        if (!written) done(false);
      });
    });
  }

  /** The page confirmed a bot message. */
  received(id: number): void {
    for (const done of [...(this.awaiting.get(id) ?? [])]) done(true);
  }

  /** The page closed: nothing it has not confirmed will be. */
  dispose(): void {
    for (const waiters of [...this.awaiting.values()]) for (const done of [...waiters]) done(false);
  }

  /** Writes a frame; resolves `false` when the socket is closed or the write fails. */
  send(frame: ServerFrame): Promise<boolean> {
    if (this.socket.readyState !== OPEN) return Promise.resolve(false);
    return new Promise((resolve) => {
      try {
        this.socket.send(JSON.stringify(frame), (error) => resolve(!error));
      } catch {
        resolve(false);
      }
    });
  }
}

type Waiter = { resident: string; wake: () => void };

/**
 * Every open page, by resident. A resident may have several (two tabs); replies go to each ready one.
 * Unlike the stock web adapter's client map, a page closing never unregisters a newer page of the same resident.
 */
export class ResidentSockets {
  private readonly connections = new Map<string, Connection>();
  private readonly byResident = new Map<string, Set<Connection>>();
  private readonly waiters = new Set<Waiter>();

  add(socket: SocketLike, address = ''): Connection {
    const connection = new Connection(socket, address);
    this.connections.set(connection.id, connection);
    return connection;
  }

  get(id: string): Connection | undefined {
    return this.connections.get(id);
  }

  /** Ties a page to a resident on its first frame; `false` when the page already speaks for someone else. */
  bind(connection: Connection, resident: string): boolean {
    if (connection.resident !== null) return connection.resident === resident;
    connection.resident = resident;
    const set = this.byResident.get(resident) ?? new Set();
    set.add(connection);
    this.byResident.set(resident, set);
    return true;
  }

  /** Lets replies flow to the page (after it has its history) and wakes sends waiting for the resident. */
  markReady(connection: Connection): void {
    connection.ready = true;
    for (const waiter of this.waiters) if (waiter.resident === connection.resident) waiter.wake();
  }

  remove(connection: Connection): void {
    connection.dispose();
    this.connections.delete(connection.id);
    if (connection.resident === null) return;
    const set = this.byResident.get(connection.resident);
    set?.delete(connection);
    if (set?.size === 0) this.byResident.delete(connection.resident);
  }

  /** The resident's pages that can take replies now. */
  readyFor(resident: string): Connection[] {
    return [...(this.byResident.get(resident) ?? [])].filter((c) => c.ready && c.socket.readyState === OPEN);
  }

  /** Resolves `true` as soon as the resident has a ready page, `false` after `timeoutMs` or when `signal` aborts. */
  waitForReady(resident: string, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
    if (this.readyFor(resident).length > 0) return Promise.resolve(true);
    if (signal.aborted || timeoutMs <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const finish = (ready: boolean) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        this.waiters.delete(waiter);
        resolve(ready);
      };
      const onAbort = () => finish(false);
      const waiter: Waiter = { resident, wake: () => finish(true) };
      const timer = setTimeout(() => finish(false), timeoutMs);
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiters.add(waiter);
    });
  }

  /** Pings every page and drops the ones that did not answer the previous ping. */
  heartbeat(): void {
    for (const connection of this.connections.values()) {
      if (!connection.alive) {
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
    }
  }

  /** Closes every page with "going away", so they reconnect to the next server. */
  closeAll(): void {
    for (const connection of this.connections.values()) connection.socket.close(1001, 'server restarting');
  }

  get size(): number {
    return this.connections.size;
  }
}
