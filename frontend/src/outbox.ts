// The offline queue: the customer's messages that the server has not acknowledged yet.
//
// Rules:
// - a message gets its clientMessageId once, when it is written, and keeps it on every resend;
// - once an `ack` or a `message` for an id has arrived, that id is never sent again;
// - a message sent on a connection that closed before its ack is sent again on the next one
//   (the server answers a repeated clientMessageId with the stored reply and executes nothing);
// - while no conversation exists yet, only one message is in flight, so two queued messages do
//   not start two conversations.

export type OutboxState = 'pending' | 'inflight' | 'failed';

export interface OutboxItem {
  clientMessageId: string;
  message: string;
  state: OutboxState;
}

export interface OutboxSnapshot {
  items: OutboxItem[];
  done: string[];
}

const DONE_LIMIT = 500;

export function newClientMessageId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  // Older browsers on plain http (randomUUID needs a secure context).
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class Outbox {
  private items: OutboxItem[] = [];
  private readonly done = new Set<string>();
  private readonly newId: () => string;

  constructor(snapshot?: OutboxSnapshot | null, newId: () => string = newClientMessageId) {
    this.newId = newId;
    if (snapshot) {
      for (const id of snapshot.done) this.done.add(id);
      // After a reload nothing is in flight any more: what was not acknowledged is sent again.
      this.items = snapshot.items
        .filter((i) => !this.done.has(i.clientMessageId))
        .map((i) => ({ ...i, state: 'pending' as const }));
    }
  }

  /** Queues a newly written message; its id is made here, once. */
  enqueue(message: string): OutboxItem {
    let id = this.newId();
    while (this.done.has(id) || this.items.some((i) => i.clientMessageId === id)) id = this.newId();
    const item: OutboxItem = { clientMessageId: id, message, state: 'pending' };
    this.items.push(item);
    return { ...item };
  }

  /**
   * What may be sent now, in order, given the conversation the page is in (null: none yet).
   * The caller sends them and calls `markSent` for each.
   */
  sendable(conversationId: string | null): OutboxItem[] {
    const pending = this.items.filter((i) => i.state === 'pending');
    if (conversationId !== null) return pending.map((i) => ({ ...i }));
    // No conversation yet: the first message starts it; the rest wait for its ack.
    if (this.items.some((i) => i.state === 'inflight')) return [];
    return pending.slice(0, 1).map((i) => ({ ...i }));
  }

  /** Whether this id may go on the wire (it was never acknowledged or answered). */
  maySend(clientMessageId: string): boolean {
    return !this.done.has(clientMessageId) && this.items.some((i) => i.clientMessageId === clientMessageId);
  }

  markSent(clientMessageId: string): void {
    const item = this.find(clientMessageId);
    if (item) item.state = 'inflight';
  }

  /** An `ack` or `message` arrived for this id: it is never sent again. Returns true when it was queued. */
  complete(clientMessageId: string): boolean {
    this.remember(clientMessageId);
    const before = this.items.length;
    this.items = this.items.filter((i) => i.clientMessageId !== clientMessageId);
    return this.items.length !== before;
  }

  /** An `error` frame answered this id: it waits for the customer to retry it. */
  fail(clientMessageId: string): void {
    const item = this.find(clientMessageId);
    if (item) item.state = 'failed';
  }

  /** The customer asked to try a failed message again (same id). */
  retry(clientMessageId: string): boolean {
    const item = this.find(clientMessageId);
    if (!item || item.state !== 'failed') return false;
    item.state = 'pending';
    return true;
  }

  /** The connection closed: what was in flight without an ack goes back to the queue. Returns those ids. */
  connectionLost(): string[] {
    const ids: string[] = [];
    for (const i of this.items) {
      if (i.state === 'inflight') {
        i.state = 'pending';
        ids.push(i.clientMessageId);
      }
    }
    return ids;
  }

  isDone(clientMessageId: string): boolean {
    return this.done.has(clientMessageId);
  }

  get size(): number {
    return this.items.length;
  }

  list(): OutboxItem[] {
    return this.items.map((i) => ({ ...i }));
  }

  snapshot(): OutboxSnapshot {
    return { items: this.list(), done: [...this.done] };
  }

  private find(id: string): OutboxItem | undefined {
    return this.items.find((i) => i.clientMessageId === id);
  }

  private remember(id: string): void {
    this.done.delete(id);
    this.done.add(id);
    if (this.done.size > DONE_LIMIT) {
      const oldest = this.done.values().next().value;
      if (oldest !== undefined) this.done.delete(oldest);
    }
  }
}
