import { beforeEach, describe, expect, it } from 'vitest';
import { ChatClient, type ConnectionStatus, type SocketLike } from './client';
import { Outbox } from './outbox';
import type { ClientFrame, ServerFrame } from './protocol';
import { messageFrame } from './testing';

class FakeSocket implements SocketLike {
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  sent: ClientFrame[] = [];
  closed = false;
  constructor(readonly url: string) {}
  send(data: string) {
    if (this.closed) throw new Error('closed');
    this.sent.push(JSON.parse(data) as ClientFrame);
  }
  close() {
    this.closed = true;
  }
  // server side
  open() {
    this.onopen?.({});
  }
  drop() {
    this.closed = true;
    this.onclose?.({});
  }
  fail() {
    this.onerror?.({});
    this.drop();
  }
  push(frame: ServerFrame | string) {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }
  messages() {
    return this.sent.filter((f): f is Extract<ClientFrame, { action: 'sendMessage' }> => f.action === 'sendMessage');
  }
}

class FakeTimers {
  now = 0;
  private seq = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  set = (fn: () => void, ms: number) => {
    const id = ++this.seq;
    this.timers.set(id, { at: this.now + ms, fn });
    return id as unknown as ReturnType<typeof setTimeout>;
  };
  clear = (h: ReturnType<typeof setTimeout>) => {
    this.timers.delete(h as unknown as number);
  };
  advance(ms: number) {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
    }
    this.now = until;
  }
  pending() {
    return [...this.timers.values()].map((t) => t.at - this.now);
  }
}

const history = (conversationId: string | null): ServerFrame => ({ type: 'history', conversationId, messages: [] });

describe('ChatClient', () => {
  let sockets: FakeSocket[];
  let timers: FakeTimers;
  let statuses: ConnectionStatus[];
  let frames: ServerFrame[];
  let badFrames: string[];
  let n: number;

  const make = (conversationId: string | null = 'conv-1', outbox?: Outbox) =>
    new ChatClient({
      url: 'ws://test/ws?customerId=cust_002',
      conversationId,
      outbox: outbox ?? new Outbox(null, () => `cm-${++n}`),
      createSocket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
      random: () => 0.5,
      now: () => timers.now,
      setTimer: timers.set,
      clearTimer: timers.clear,
      onStatus: (s) => statuses.push(s),
      onFrame: (f) => frames.push(f),
      onBadFrame: (e) => badFrames.push(e),
    });
  const last = () => sockets[sockets.length - 1]!;

  beforeEach(() => {
    sockets = [];
    timers = new FakeTimers();
    statuses = [];
    frames = [];
    badFrames = [];
    n = 0;
  });

  it('asks for the profile and the history of its conversation after open', () => {
    const c = make('conv-1');
    c.start();
    expect(last().url).toBe('ws://test/ws?customerId=cust_002');
    last().open();
    expect(last().sent).toEqual([{ action: 'getProfile' }, { action: 'getHistory', conversationId: 'conv-1' }]);
    expect(c.status.phase).toBe('open');
  });

  it('asks for the latest conversation when it has none, and adopts the one the history names', () => {
    const c = make(null);
    c.start();
    last().open();
    expect(last().sent).toEqual([{ action: 'getProfile' }, { action: 'getHistory' }]);
    last().push(history('conv-7'));
    expect(c.conversationId).toBe('conv-7');
  });

  it('queues messages written while offline and sends them, once each, on reconnect', () => {
    const c = make('conv-1');
    c.start();
    last().fail(); // the server is down
    const a = c.send('written offline 1');
    const b = c.send('written offline 2');
    expect(c.status.phase).toBe('waiting');
    timers.advance(500);
    last().open();
    expect(last().messages()).toEqual([]); // waits for the history
    last().push(history('conv-1'));
    expect(last().messages()).toEqual([
      { action: 'sendMessage', message: 'written offline 1', clientMessageId: a, conversationId: 'conv-1' },
      { action: 'sendMessage', message: 'written offline 2', clientMessageId: b, conversationId: 'conv-1' },
    ]);
    last().push({ type: 'ack', clientMessageId: a, conversationId: 'conv-1', timestamp: 't' });
    last().push({ type: 'ack', clientMessageId: b, conversationId: 'conv-1', timestamp: 't' });
    // Lose the connection again: nothing acknowledged is sent again.
    last().drop();
    timers.advance(500);
    last().open();
    last().push(history('conv-1'));
    expect(last().messages()).toEqual([]);
    expect(c.outbox.size).toBe(0);
  });

  it('sends a message again with the same id when the connection closed before its ack', () => {
    const c = make('conv-1');
    c.start();
    last().open();
    last().push(history('conv-1'));
    const id = c.send('hello');
    expect(last().messages().map((m) => m.clientMessageId)).toEqual([id]);
    last().drop();
    timers.advance(500);
    last().open();
    last().push(history('conv-1'));
    expect(last().messages().map((m) => m.clientMessageId)).toEqual([id]);
    // The reply arrives (not the ack first): still never sent a third time.
    last().push(messageFrame({ clientMessageId: id }));
    last().drop();
    timers.advance(500);
    last().open();
    last().push(history('conv-1'));
    expect(last().messages()).toEqual([]);
    const all = sockets.flatMap((s) => s.messages()).map((m) => m.clientMessageId);
    expect(all).toEqual([id, id]);
  });

  it('sends queued messages after a short wait when no history arrives', () => {
    const c = make('conv-1');
    c.start();
    c.send('hello');
    last().open();
    expect(last().messages()).toHaveLength(0);
    timers.advance(3000);
    expect(last().messages()).toHaveLength(1);
  });

  it('starts one conversation only: later messages wait for the first ack', () => {
    const c = make(null);
    c.start();
    last().open();
    last().push(history(null));
    const a = c.send('first');
    c.send('second');
    expect(last().messages().map((m) => m.message)).toEqual(['first']);
    expect(last().messages()[0]).not.toHaveProperty('conversationId');
    last().push({ type: 'ack', clientMessageId: a, conversationId: 'conv-new', timestamp: 't' });
    expect(last().messages().map((m) => [m.message, m.conversationId])).toEqual([
      ['first', undefined],
      ['second', 'conv-new'],
    ]);
    expect(c.conversationId).toBe('conv-new');
  });

  it('backs off exponentially while the server is down and starts over once it answers', () => {
    const c = make();
    c.start();
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      last().fail();
      waits.push(timers.pending()[0]!);
      timers.advance(waits[waits.length - 1]!);
    }
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 16000]);
    expect(sockets).toHaveLength(7);
    last().open();
    last().push(history('conv-1'));
    expect(c.status.failures).toBe(0);
    last().drop();
    expect(timers.pending()).toEqual([500]);
    expect(statuses.some((s) => s.phase === 'waiting' && s.retryAt === timers.now + 500)).toBe(true);
  });

  it('reconnects at once when asked', () => {
    const c = make();
    c.start();
    last().fail();
    expect(sockets).toHaveLength(1);
    c.reconnectNow();
    expect(sockets).toHaveLength(2);
    expect(timers.pending()).toEqual([]);
  });

  it('stops for good: no reconnect after stop', () => {
    const c = make();
    c.start();
    last().open();
    c.stop();
    expect(last().closed).toBe(true);
    timers.advance(60_000);
    expect(sockets).toHaveLength(1);
    expect(c.status.phase).toBe('stopped');
  });

  it('reports a frame it cannot read and keeps going', () => {
    const c = make();
    c.start();
    last().open();
    last().push('not json');
    last().push('{"type":"mystery"}');
    last().push(history('conv-1'));
    expect(badFrames).toEqual(['frame is not JSON', 'unknown frame type "mystery"']);
    expect(frames.map((f) => f.type)).toEqual(['history']);
    expect(c.status.phase).toBe('open');
  });

  it('holds a message answered with an error until it is retried with the same id', () => {
    const c = make();
    c.start();
    last().open();
    last().push(history('conv-1'));
    const id = c.send('spam');
    last().push({ type: 'error', code: 'rate_limited', message: 'slow down', clientMessageId: id });
    last().drop();
    timers.advance(500);
    last().open();
    last().push(history('conv-1'));
    expect(last().messages()).toEqual([]);
    expect(c.retry(id)).toBe(true);
    expect(last().messages().map((m) => m.clientMessageId)).toEqual([id]);
  });

  it('refuses an empty or too long message', () => {
    const c = make();
    expect(() => c.send('')).toThrow(RangeError);
    expect(() => c.send('x'.repeat(4001))).toThrow(RangeError);
    expect(c.send('x'.repeat(4000))).toBe('cm-1');
  });
});
