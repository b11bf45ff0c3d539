import { describe, expect, it } from 'vitest';
import type { ServerFrame } from './protocol';
import { chatReducer, describeError, initialChatState, mergeHistory, streamingText, type ChatEvent, type ChatState } from './state';
import { device, messageFrame } from './testing';

const EVENT_TYPES = ['frame', 'queued', 'sent', 'requeued', 'retrying', 'badFrame', 'notice', 'dismissNotice'];
function isEvent(e: ChatEvent | ServerFrame): e is ChatEvent {
  return EVENT_TYPES.includes(e.type);
}
/** Applies local events and server frames in order. */
const run = (events: (ChatEvent | ServerFrame)[], state: ChatState = initialChatState()) =>
  events.reduce<ChatState>((s, e) => chatReducer(s, isEvent(e) ? e : { type: 'frame', frame: e }), state);

describe('delta assembly', () => {
  it('assembles deltas per conversation and replaces them with the final message', () => {
    let s = run([
      { type: 'queued', clientMessageId: 'c1', text: 'too loud' },
      { type: 'ack', clientMessageId: 'c1', conversationId: 'conv-1', timestamp: '2026-01-01T10:00:00.000Z' },
      { type: 'delta', conversationId: 'conv-1', text: 'Turning ' },
      { type: 'delta', conversationId: 'other', text: 'elsewhere' },
      { type: 'delta', conversationId: 'conv-1', text: 'it down.' },
    ]);
    expect(s.streams).toEqual({ 'conv-1': 'Turning it down.', other: 'elsewhere' });
    expect(streamingText(s)).toBe('Turning it down.');
    s = run([messageFrame({ message: 'Turned it down to 20.', clientMessageId: 'c1' })], s);
    expect(s.streams).toEqual({ other: 'elsewhere' });
    expect(streamingText(s)).toBeNull();
    const bot = s.messages.filter((m) => m.sender === 'bot');
    expect(bot.map((m) => m.text)).toEqual(['Turned it down to 20.']);
    expect(s.messages[0]!.status).toBe('answered');
    expect(s.announcement).toBe('ServiceBot: Turned it down to 20.');
  });

  it('replaces a repeated reply for the same clientMessageId instead of adding it twice', () => {
    const s = run([
      { type: 'queued', clientMessageId: 'c1', text: 'hi' },
      messageFrame({ clientMessageId: 'c1', message: 'Hello' }),
      messageFrame({ clientMessageId: 'c1', message: 'Hello' }),
    ]);
    expect(s.messages.filter((m) => m.sender === 'bot')).toHaveLength(1);
    expect(s.announcementSeq).toBe(2);
  });

  it('keeps what was executed and what was refused', () => {
    const s = run([
      messageFrame({
        allowed: false,
        actions: [
          { action: 'volume_control', deviceId: 'dev_003', allowed: true, result: 'Volume set to 20' },
          { action: 'music_services', deviceId: 'dev_003', allowed: false, result: 'Music needs the premium tier' },
        ],
      }),
    ]);
    expect(s.messages[0]!.actions.map((a) => a.allowed)).toEqual([true, false]);
    expect(s.messages[0]!.allowed).toBe(false);
  });
});

describe('devices and profile', () => {
  it('takes the devices from the profile and updates them from device frames', () => {
    let s = run([
      {
        type: 'profile',
        customer: { id: 'cust_002', name: 'John Doe', serviceLevel: 'premium', devices: [device({ id: 'dev_002', type: 'SmartSpeaker' }), device()] },
        serviceLevel: { level: 'premium', allowedActions: ['volume_control'], maxDevices: 3, supportPriority: 'priority' },
      },
    ]);
    expect(s.customer).toEqual({ id: 'cust_002', name: 'John Doe', serviceLevel: 'premium' });
    expect(s.devices.map((d) => d.id)).toEqual(['dev_002', 'dev_003']);
    s = run([{ type: 'device', device: device({ volume: 20 }) }], s);
    expect(s.devices.map((d) => [d.id, d.volume])).toEqual([
      ['dev_002', 60],
      ['dev_003', 20],
    ]);
    expect(s.deviceChanges).toEqual({ dev_003: 1 });
    s = run([{ type: 'device', device: device({ id: 'dev_009', name: 'New' }) }], s);
    expect(s.devices.map((d) => d.id)).toEqual(['dev_002', 'dev_003', 'dev_009']);
  });
});

describe('ack, errors and queue states', () => {
  it('moves a customer message from queued to sending to stored and adopts the conversation', () => {
    let s = run([{ type: 'queued', clientMessageId: 'c1', text: 'hi' }]);
    expect(s.messages[0]!.status).toBe('queued');
    s = run([{ type: 'sent', clientMessageId: 'c1' }], s);
    expect(s.messages[0]!.status).toBe('sending');
    s = run([{ type: 'requeued', clientMessageIds: ['c1'] }], s);
    expect(s.messages[0]!.status).toBe('queued');
    s = run([{ type: 'ack', clientMessageId: 'c1', conversationId: 'conv-9', timestamp: '2026-01-01T00:00:00Z' }], s);
    expect(s.messages[0]!.status).toBe('stored');
    expect(s.conversationId).toBe('conv-9');
  });

  it('does not add the same queued message twice', () => {
    const s = run([
      { type: 'queued', clientMessageId: 'c1', text: 'hi' },
      { type: 'queued', clientMessageId: 'c1', text: 'hi' },
    ]);
    expect(s.messages).toHaveLength(1);
  });

  it('shows an error frame in words, on its message when it names one', () => {
    let s = run([
      { type: 'queued', clientMessageId: 'c1', text: 'hi' },
      { type: 'sent', clientMessageId: 'c1' },
      { type: 'error', code: 'rate_limited', message: 'Try again in 5 seconds.', clientMessageId: 'c1' },
    ]);
    expect(s.messages[0]!.status).toBe('failed');
    expect(s.messages[0]!.error).toMatch(/too quickly/);
    expect(s.notices).toHaveLength(0);
    s = run([{ type: 'retrying', clientMessageId: 'c1' }], s);
    expect(s.messages[0]!.status).toBe('queued');
    s = run([{ type: 'error', code: 'bad_request', message: 'message must have 1..4000 characters' }], s);
    expect(s.notices.map((n) => n.text)).toEqual(['The server could not accept that request. (message must have 1..4000 characters)']);
    s = chatReducer(s, { type: 'dismissNotice', id: s.notices[0]!.id });
    expect(s.notices).toHaveLength(0);
  });

  it('words every error code', () => {
    for (const code of ['bad_request', 'too_large', 'unknown_action', 'rate_limited', 'unauthorized', 'internal'] as const) {
      expect(describeError(code, '')).toMatch(/\w+/);
    }
    expect(describeError('internal', 'boom')).toContain('boom');
  });

  it('reports a frame it cannot read', () => {
    const s = chatReducer(initialChatState(), { type: 'badFrame', error: 'frame is not JSON' });
    expect(s.notices[0]!.text).toMatch(/cannot read.*not JSON/);
  });
});

describe('history merge', () => {
  const hist = (sender: 'customer' | 'bot', text: string, second: number) => ({
    sender,
    text,
    timestamp: `2026-01-01T10:00:${String(second).padStart(2, '0')}.000Z`,
    requestType: null,
    allowed: sender === 'bot' ? true : null,
  });

  it('restores the history on load and adopts its conversation', () => {
    const s = run([{ type: 'history', conversationId: 'conv-1', messages: [hist('customer', 'hi', 0), hist('bot', 'Hello', 1)] }]);
    expect(s.conversationId).toBe('conv-1');
    expect(s.historyLoaded).toBe(true);
    expect(s.messages.map((m) => [m.sender, m.text, m.status])).toEqual([
      ['customer', 'hi', 'stored'],
      ['bot', 'Hello', null],
    ]);
  });

  it('does not duplicate what is shown when the history comes again after a reconnect', () => {
    let s = run([
      { type: 'history', conversationId: 'conv-1', messages: [hist('customer', 'hi', 0), hist('bot', 'Hello', 1)] },
      { type: 'queued', clientMessageId: 'c2', text: 'too loud' },
      { type: 'sent', clientMessageId: 'c2' },
      { type: 'ack', clientMessageId: 'c2', conversationId: 'conv-1', timestamp: '2026-01-01T10:00:02.000Z' },
      messageFrame({
        clientMessageId: 'c2',
        message: 'Set to 20.',
        timestamp: '2026-01-01T10:00:03.000Z',
        actions: [{ action: 'volume_control', deviceId: 'dev_003', allowed: true, result: 'ok' }],
      }),
      { type: 'queued', clientMessageId: 'c3', text: 'written offline' },
    ]);
    const keys = s.messages.map((m) => m.key);
    s = run(
      [
        {
          type: 'history',
          conversationId: 'conv-1',
          messages: [hist('customer', 'hi', 0), hist('bot', 'Hello', 1), hist('customer', 'too loud', 2), hist('bot', 'Set to 20.', 3)],
        },
      ],
      s,
    );
    expect(s.messages.map((m) => m.text)).toEqual(['hi', 'Hello', 'too loud', 'Set to 20.', 'written offline']);
    // The same rows (keys) and what the page knew beyond the history are kept.
    expect(s.messages.map((m) => m.key)).toEqual(keys);
    expect(s.messages[3]!.actions).toHaveLength(1);
    expect(s.messages[2]!.clientMessageId).toBe('c2');
    expect(s.messages[4]!.status).toBe('queued');
  });

  it('adds what was stored while the page was away, and drops what the server does not have', () => {
    const local = run([
      { type: 'history', conversationId: 'conv-1', messages: [hist('customer', 'hi', 0)] },
      { type: 'queued', clientMessageId: 'c2', text: 'in flight' },
      { type: 'sent', clientMessageId: 'c2' },
    ]).messages;
    let n = 100;
    const merged = mergeHistory(
      local,
      [hist('customer', 'hi', 0), hist('bot', 'Hello from the bot', 1), hist('customer', 'in flight', 2), hist('bot', 'answer', 3)],
      () => `k${n++}`,
    );
    expect(merged.map((m) => [m.text, m.status])).toEqual([
      ['hi', 'stored'],
      ['Hello from the bot', null],
      ['in flight', 'stored'],
      ['answer', null],
    ]);
    expect(mergeHistory(local, [], () => 'x').map((m) => m.text)).toEqual(['in flight']);
  });

  it('keeps messages that arrived after the history snapshot', () => {
    const s = run([
      messageFrame({ message: 'late reply', timestamp: '2026-01-01T10:00:09.000Z' }),
      { type: 'history', conversationId: 'conv-1', messages: [hist('customer', 'hi', 0)] },
    ]);
    expect(s.messages.map((m) => m.text)).toEqual(['hi', 'late reply']);
  });
});

describe('human handoff on the customer side', () => {
  it('shows the place in the queue, then the person by name, and their messages as theirs', () => {
    let s = initialChatState('conv-1');
    s = chatReducer(s, {
      type: 'frame',
      frame: {
        type: 'handoff', conversationId: 'conv-1', status: 'queued', position: 2, expectedWaitMinutes: 10, agentName: null,
        title: 'Esperando a una persona', text: 'Eres el número 2 en la cola para hablar con una persona de nuestro equipo de soporte.',
      },
    });
    expect([s.handoff?.title, s.handoff?.text]).toEqual([
      'Esperando a una persona', 'Eres el número 2 en la cola para hablar con una persona de nuestro equipo de soporte.',
    ]);
    s = chatReducer(s, {
      type: 'frame',
      frame: {
        type: 'handoff', conversationId: 'conv-1', status: 'assigned', position: null, expectedWaitMinutes: null, agentName: 'Sam Rivera',
        title: 'A person is here', text: 'Sam Rivera from our support team has joined the conversation.',
      },
    });
    expect([s.handoff?.status, s.handoff?.agentName, s.handoff?.text]).toEqual(['assigned', 'Sam Rivera', 'Sam Rivera from our support team has joined the conversation.']);

    s = chatReducer(s, { type: 'frame', frame: messageFrame({ message: 'Hi, Sam here.', source: 'agent', agentName: 'Sam Rivera', requestType: null }) });
    const said = s.messages.at(-1)!;
    expect([said.sender, said.agentName, said.text]).toEqual(['agent', 'Sam Rivera', 'Hi, Sam here.']);
    expect(s.announcement).toBe('Sam Rivera: Hi, Sam here.');
  });

  it("keeps a person's messages named when the history is loaded again", () => {
    const s = chatReducer(initialChatState(), {
      type: 'frame',
      frame: {
        type: 'history',
        conversationId: 'conv-1',
        messages: [{ sender: 'agent', text: 'Hello', timestamp: '2026-01-01T10:00:00Z', requestType: null, allowed: true, agentName: 'Priya Patel' }],
      },
    });
    expect([s.messages[0]!.sender, s.messages[0]!.agentName]).toEqual(['agent', 'Priya Patel']);
  });
});
