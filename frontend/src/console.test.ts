import { describe, expect, it } from 'vitest';
import { consoleReducer, heldByMe, initialConsoleState, selectedEntry, waitedSeconds, waitedWords, type ConsoleState } from './console';
import { parseUpgradeDemandFrame, type QueueEntry, type ServerFrame } from './protocol';
import { sampleReport } from './testing';

function entry(overrides: Partial<QueueEntry> = {}): QueueEntry {
  return {
    conversationId: 'conv-1',
    customerId: 'cust_001',
    customerName: 'Jane Smith',
    tier: 'basic',
    supportPriority: 'standard',
    status: 'waiting',
    position: 1,
    requestedAt: '2026-12-01T10:00:00.0000000Z',
    waitedSeconds: 30,
    expectedWaitMinutes: 5,
    staffId: null,
    staffName: null,
    ...overrides,
  };
}

const T = 1_000_000;

function apply(state: ConsoleState, ...frames: ServerFrame[]): ConsoleState {
  return frames.reduce((s, frame) => consoleReducer(s, { type: 'frame', frame, now: T }), state);
}

const sam = { id: 'staff_001', name: 'Sam Rivera' };

describe('the support console state', () => {
  it('keeps the queue in the order the server gave, and who is signed in', () => {
    const s = apply(initialConsoleState(), {
      type: 'queue',
      entries: [entry({ conversationId: 'c-ded', supportPriority: 'dedicated' }), entry({ conversationId: 'c-std', position: 2 })],
      staffOnline: 2,
      staff: sam,
    });
    expect(s.entries.map((e) => e.conversationId)).toEqual(['c-ded', 'c-std']);
    expect(s.me).toEqual(sam);
    // A push names no one: the console still knows who it is.
    const pushed = apply(s, { type: 'queue', entries: [], staffOnline: 1, staff: null });
    expect(pushed.me).toEqual(sam);
    expect(pushed.entries).toEqual([]);
  });

  it('shows a taken transcript, appends the customer as they write, and the reply once it is acknowledged', () => {
    let s = apply(initialConsoleState(), { type: 'queue', entries: [entry()], staffOnline: 1, staff: sam });
    s = apply(s, {
      type: 'transcript',
      conversationId: 'conv-1',
      customer: { id: 'cust_001', name: 'Jane Smith', serviceLevel: 'basic' },
      messages: [{ sender: 'customer', text: 'agent please', timestamp: 't1', requestType: 'human_handoff', allowed: true, agentName: null }],
      entry: entry({ status: 'assigned', position: null, staffId: 'staff_001', staffName: 'Sam Rivera' }),
    });
    expect(heldByMe(s, selectedEntry(s))).toBe(true);

    s = apply(s, {
      type: 'customerMessage',
      conversationId: 'conv-1',
      customerId: 'cust_001',
      message: { sender: 'customer', text: 'hello?', timestamp: 't2', requestType: null, allowed: true, agentName: null },
    });
    s = consoleReducer(s, { type: 'replying', clientMessageId: 'r1', conversationId: 'conv-1', text: 'Hi Jane' });
    expect(s.transcript?.messages.map((m) => m.text)).toEqual(['agent please', 'hello?']);
    s = apply(s, { type: 'ack', clientMessageId: 'r1', conversationId: 'conv-1', timestamp: 't3' });
    expect(s.transcript?.messages.at(-1)).toMatchObject({ sender: 'agent', text: 'Hi Jane', agentName: 'Sam Rivera' });
    expect(s.pending).toEqual({});
  });

  it("ignores another conversation's customer messages and says why a step was refused", () => {
    let s = apply(initialConsoleState(), {
      type: 'transcript',
      conversationId: 'conv-1',
      customer: { id: 'cust_001', name: 'Jane Smith', serviceLevel: 'basic' },
      messages: [],
      entry: null,
    });
    s = apply(s, {
      type: 'customerMessage',
      conversationId: 'conv-2',
      customerId: 'cust_002',
      message: { sender: 'customer', text: 'not for you', timestamp: 't', requestType: null, allowed: true, agentName: null },
    });
    expect(s.transcript?.messages).toEqual([]);
    s = apply(s, { type: 'error', code: 'conflict', message: 'Priya Patel is already handling that conversation.' });
    expect(s.notices.at(-1)?.text).toContain('Priya Patel is already handling that conversation.');
  });

  it('knows an entry held by someone else is not mine, and counts waiting time on from the queue', () => {
    const s = apply(initialConsoleState(), {
      type: 'queue',
      entries: [entry({ status: 'assigned', staffId: 'staff_002', staffName: 'Priya Patel', position: null })],
      staffOnline: 2,
      staff: sam,
    });
    expect(heldByMe(consoleReducer(s, { type: 'select', conversationId: 'conv-1' }), s.entries[0]!)).toBe(false);
    expect(waitedSeconds(s, s.entries[0]!, T + 95_000)).toBe(125);
    expect([waitedWords(20), waitedWords(125), waitedWords(3_700)]).toEqual(['under a minute', '2 min', '1 h 1 min']);
  });

  it('keeps the latest upgrade demand report, and the queue it had beside it', () => {
    const queued = apply(initialConsoleState(), { type: 'queue', entries: [entry()], staffOnline: 1, staff: sam });
    expect(queued.demand).toBeNull();
    const first = consoleReducer(queued, { type: 'demand', report: sampleReport() });
    const later = consoleReducer(first, { type: 'demand', report: sampleReport({ totals: { refusals: 9, questions: 1, total: 10 } }) });
    expect(first.demand?.totals).toEqual(sampleReport().totals);
    expect(later.demand?.totals.total).toBe(10);
    expect(later.entries).toEqual(queued.entries);
  });

  it('reads the staff report frame as the server sends it, and no customer frame as one', () => {
    const wire = JSON.parse(JSON.stringify({ type: 'upgradeDemand', ...sampleReport() }));
    const read = parseUpgradeDemandFrame(wire);
    expect(read.ok && consoleReducer(initialConsoleState(), { type: 'demand', report: read.frame }).demand?.byDay).toEqual(sampleReport().byDay);
    expect(parseUpgradeDemandFrame({ type: 'queue', entries: [], staffOnline: 0 }).ok).toBe(false);
  });
});
