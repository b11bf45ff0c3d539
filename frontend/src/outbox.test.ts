import { describe, expect, it } from 'vitest';
import { Outbox } from './outbox';

const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};

describe('Outbox', () => {
  it('gives each message one id and keeps it across resends', () => {
    const o = new Outbox(null, ids());
    const a = o.enqueue('first');
    expect(o.sendable('conv')).toEqual([{ clientMessageId: a.clientMessageId, message: 'first', state: 'pending' }]);
    o.markSent(a.clientMessageId);
    expect(o.sendable('conv')).toEqual([]);
    expect(o.connectionLost()).toEqual([a.clientMessageId]);
    expect(o.sendable('conv').map((i) => i.clientMessageId)).toEqual([a.clientMessageId]);
  });

  it('never offers an id again once its ack or message arrived', () => {
    const o = new Outbox(null, ids());
    const a = o.enqueue('a');
    o.markSent(a.clientMessageId);
    expect(o.complete(a.clientMessageId)).toBe(true);
    expect(o.connectionLost()).toEqual([]);
    expect(o.sendable('conv')).toEqual([]);
    expect(o.maySend(a.clientMessageId)).toBe(false);
    expect(o.retry(a.clientMessageId)).toBe(false);
    expect(o.complete(a.clientMessageId)).toBe(false); // a second message frame changes nothing
  });

  it('does not reuse an id that was already acknowledged', () => {
    const gen = ['dup', 'dup', 'fresh'];
    const o = new Outbox({ items: [], done: ['dup'] }, () => gen.shift() ?? 'x');
    expect(o.enqueue('m').clientMessageId).toBe('fresh');
  });

  it('sends only one message while no conversation exists', () => {
    const o = new Outbox(null, ids());
    o.enqueue('a');
    o.enqueue('b');
    const first = o.sendable(null);
    expect(first.map((i) => i.message)).toEqual(['a']);
    o.markSent(first[0]!.clientMessageId);
    expect(o.sendable(null)).toEqual([]); // b waits for a's ack
    o.complete(first[0]!.clientMessageId);
    expect(o.sendable('conv-1').map((i) => i.message)).toEqual(['b']);
  });

  it('holds a failed message until it is retried, with the same id', () => {
    const o = new Outbox(null, ids());
    const a = o.enqueue('a');
    o.markSent(a.clientMessageId);
    o.fail(a.clientMessageId);
    expect(o.sendable('c')).toEqual([]);
    expect(o.connectionLost()).toEqual([]);
    expect(o.retry(a.clientMessageId)).toBe(true);
    expect(o.sendable('c').map((i) => i.clientMessageId)).toEqual([a.clientMessageId]);
  });

  it('restores from a snapshot: unacknowledged items are sent again, done ids never', () => {
    const o = new Outbox(
      {
        items: [
          { clientMessageId: 'x', message: 'was in flight', state: 'inflight' },
          { clientMessageId: 'y', message: 'already acked', state: 'pending' },
          { clientMessageId: 'z', message: 'failed', state: 'failed' },
        ],
        done: ['y'],
      },
      ids(),
    );
    expect(o.sendable('c').map((i) => i.clientMessageId)).toEqual(['x', 'z']);
    expect(o.snapshot().done).toEqual(['y']);
  });
});
