// The WebSocket side of the chat: connects, asks for the profile and the history, sends the
// offline queue, and reconnects with exponential back-off. No React in here; the unit tests drive
// it with a fake socket and fake timers.

import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { Outbox, type OutboxSnapshot } from './outbox';
import {
  MESSAGE_MAX_LENGTH,
  parseServerFrame,
  serializeClientFrame,
  type ClientFrame,
  type ServerFrame,
} from './protocol';

/** The part of the browser's WebSocket this client uses. */
export interface SocketLike {
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type SocketFactory = (url: string) => SocketLike;

export type ConnectionPhase = 'connecting' | 'open' | 'waiting' | 'stopped';

export interface ConnectionStatus {
  phase: ConnectionPhase;
  /** Connection attempts that failed since the server last answered. */
  failures: number;
  /** While waiting: when the next attempt starts (ms since the epoch). */
  retryAt: number | null;
  /** Whether a connection of this client ever opened. */
  everOpened: boolean;
}

type TimerHandle = ReturnType<typeof setTimeout>;

export interface ChatClientOptions {
  url: string;
  conversationId?: string | null;
  outbox?: Outbox;
  createSocket?: SocketFactory;
  backoff?: BackoffOptions;
  random?: () => number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => TimerHandle;
  clearTimer?: (handle: TimerHandle) => void;
  /** After connecting, queued messages wait this long for the history (which names the conversation). */
  readyTimeoutMs?: number;
  onFrame?: (frame: ServerFrame) => void;
  onBadFrame?: (error: string) => void;
  onStatus?: (status: ConnectionStatus) => void;
  /** A message was written and queued (before any attempt to send it). */
  onQueued?: (clientMessageId: string, text: string) => void;
  /** A queued message went on the wire. */
  onSent?: (clientMessageId: string) => void;
  /** These messages were in flight when the connection closed; they will be sent again. */
  onRequeued?: (clientMessageIds: string[]) => void;
  onOutboxChange?: (snapshot: OutboxSnapshot) => void;
}

const browserSocket: SocketFactory = (url) => new WebSocket(url) as unknown as SocketLike;

export class ChatClient {
  readonly outbox: Outbox;
  private readonly o: ChatClientOptions;
  private socket: SocketLike | null = null;
  private retryTimer: TimerHandle | null = null;
  private readyTimer: TimerHandle | null = null;
  private ready = false;
  private conversation: string | null;
  private statusValue: ConnectionStatus = { phase: 'stopped', failures: 0, retryAt: null, everOpened: false };

  constructor(options: ChatClientOptions) {
    this.o = options;
    this.outbox = options.outbox ?? new Outbox();
    this.conversation = options.conversationId ?? null;
  }

  get status(): ConnectionStatus {
    return this.statusValue;
  }

  get conversationId(): string | null {
    return this.conversation;
  }

  start(): void {
    if (this.statusValue.phase !== 'stopped') return;
    this.connect();
  }

  /** Closes the connection for good (sign-out, page teardown). */
  stop(): void {
    this.clearTimers();
    this.setStatus({ phase: 'stopped', retryAt: null });
    const s = this.socket;
    this.socket = null;
    if (s) {
      s.onopen = s.onmessage = s.onerror = s.onclose = null;
      try {
        s.close(1000, 'signed out');
      } catch {
        // already closed
      }
    }
  }

  /** Skips the rest of the back-off wait (the "Reconnect now" button, the browser coming online). */
  reconnectNow(): void {
    if (this.statusValue.phase !== 'waiting') return;
    this.clearTimers();
    this.connect();
  }

  /**
   * Queues a message and sends it when it can. Returns its clientMessageId, made once here.
   * Throws for an empty or too long message: the caller checks first.
   */
  send(text: string): string {
    if (text.length === 0 || text.length > MESSAGE_MAX_LENGTH) {
      throw new RangeError(`A message has 1..${MESSAGE_MAX_LENGTH} characters.`);
    }
    const item = this.outbox.enqueue(text);
    this.o.onQueued?.(item.clientMessageId, text);
    this.outboxChanged();
    this.flush();
    return item.clientMessageId;
  }

  /** Sends a failed message again, with the same clientMessageId. */
  retry(clientMessageId: string): boolean {
    if (!this.outbox.retry(clientMessageId)) return false;
    this.outboxChanged();
    this.flush();
    return true;
  }

  // ------------------------------------------------------------------ internals

  private connect(): void {
    this.setStatus({ phase: 'connecting', retryAt: null });
    let socket: SocketLike;
    try {
      socket = (this.o.createSocket ?? browserSocket)(this.o.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    this.ready = false;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.setStatus({ phase: 'open', everOpened: true });
      this.sendFrame({ action: 'getProfile' });
      this.sendFrame(
        this.conversation === null
          ? { action: 'getHistory' }
          : { action: 'getHistory', conversationId: this.conversation },
      );
      // Queued messages go after the history has named the conversation (or after a short wait).
      this.readyTimer = this.timer(() => {
        this.readyTimer = null;
        this.markReady();
      }, this.o.readyTimeoutMs ?? 3000);
    };
    socket.onmessage = (ev) => {
      if (this.socket !== socket) return;
      this.receive(ev.data);
    };
    socket.onerror = () => {
      // A close event follows; it decides what to do.
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.ready = false;
      if (this.readyTimer !== null) {
        (this.o.clearTimer ?? clearTimeout)(this.readyTimer);
        this.readyTimer = null;
      }
      const requeued = this.outbox.connectionLost();
      if (requeued.length > 0) {
        this.o.onRequeued?.(requeued);
        this.outboxChanged();
      }
      if (this.statusValue.phase === 'stopped') return;
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    const failures = this.statusValue.failures;
    const delay = backoffDelay(failures, this.o.backoff ?? DEFAULT_BACKOFF, this.o.random ?? Math.random);
    const now = (this.o.now ?? Date.now)();
    this.setStatus({ phase: 'waiting', failures: failures + 1, retryAt: now + delay });
    this.retryTimer = this.timer(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  private receive(data: unknown): void {
    const parsed = parseServerFrame(data);
    if (!parsed.ok) {
      this.o.onBadFrame?.(parsed.error);
      return;
    }
    const frame = parsed.frame;
    // The server answers: the back-off starts again from the shortest wait next time.
    if (this.statusValue.failures !== 0) this.setStatus({ failures: 0 });
    let flush = false;
    switch (frame.type) {
      case 'ack':
        this.conversation = frame.conversationId;
        if (frame.clientMessageId !== null && this.outbox.complete(frame.clientMessageId)) this.outboxChanged();
        flush = true;
        break;
      case 'message':
        this.conversation = frame.conversationId;
        if (frame.clientMessageId !== null && this.outbox.complete(frame.clientMessageId)) this.outboxChanged();
        flush = true;
        break;
      case 'history':
        if (frame.conversationId !== null) this.conversation = frame.conversationId;
        break;
      case 'error':
        if (frame.clientMessageId != null && !this.outbox.isDone(frame.clientMessageId)) {
          this.outbox.fail(frame.clientMessageId);
          this.outboxChanged();
        }
        break;
      default:
        break;
    }
    this.o.onFrame?.(frame);
    if (frame.type === 'history') this.markReady();
    else if (flush) this.flush();
  }

  private markReady(): void {
    if (this.readyTimer !== null) {
      (this.o.clearTimer ?? clearTimeout)(this.readyTimer);
      this.readyTimer = null;
    }
    if (this.statusValue.phase !== 'open') return;
    this.ready = true;
    this.flush();
  }

  /** Sends what the queue allows now. */
  private flush(): void {
    if (!this.ready || this.statusValue.phase !== 'open' || this.socket === null) return;
    let changed = false;
    for (const item of this.outbox.sendable(this.conversation)) {
      if (!this.outbox.maySend(item.clientMessageId)) continue;
      const frame: ClientFrame = { action: 'sendMessage', message: item.message, clientMessageId: item.clientMessageId };
      if (this.conversation !== null) frame.conversationId = this.conversation;
      if (!this.sendFrame(frame)) break;
      this.outbox.markSent(item.clientMessageId);
      changed = true;
      this.o.onSent?.(item.clientMessageId);
    }
    if (changed) this.outboxChanged();
  }

  private sendFrame(frame: ClientFrame): boolean {
    const s = this.socket;
    if (s === null) return false;
    try {
      s.send(serializeClientFrame(frame));
      return true;
    } catch {
      return false;
    }
  }

  private outboxChanged(): void {
    this.o.onOutboxChange?.(this.outbox.snapshot());
  }

  private setStatus(patch: Partial<ConnectionStatus>): void {
    this.statusValue = { ...this.statusValue, ...patch };
    this.o.onStatus?.(this.statusValue);
  }

  private timer(fn: () => void, ms: number): TimerHandle {
    return (this.o.setTimer ?? setTimeout)(fn, ms);
  }

  private clearTimers(): void {
    const clear = this.o.clearTimer ?? clearTimeout;
    if (this.retryTimer !== null) clear(this.retryTimer);
    if (this.readyTimer !== null) clear(this.readyTimer);
    this.retryTimer = this.readyTimer = null;
  }
}
