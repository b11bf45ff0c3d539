import { describe, expect, it } from 'vitest';
import { parseCustomerList, parseServerFrame, parseServiceLevelList, serializeClientFrame } from './protocol';
import { device, messageFrame } from './testing';

const ok = (raw: unknown) => {
  const r = parseServerFrame(typeof raw === 'string' ? raw : JSON.stringify(raw));
  if (!r.ok) throw new Error(`expected ok, got: ${r.error}`);
  return r.frame;
};
const bad = (raw: unknown) => {
  const r = parseServerFrame(raw);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.error;
};

describe('parseServerFrame: good frames', () => {
  it('reads every server frame type', () => {
    expect(ok({ type: 'ack', clientMessageId: 'c1', conversationId: 'conv', timestamp: '2026-01-01T00:00:00Z' })).toEqual({
      type: 'ack',
      clientMessageId: 'c1',
      conversationId: 'conv',
      timestamp: '2026-01-01T00:00:00Z',
    });
    expect(ok({ type: 'delta', conversationId: 'conv', text: 'Hel' })).toEqual({ type: 'delta', conversationId: 'conv', text: 'Hel' });
    expect(ok({ type: 'device', device: device() })).toEqual({ type: 'device', device: device() });
    const m = messageFrame({
      allowed: false,
      actions: [{ action: 'music_services', deviceId: 'dev_001', allowed: false, result: 'Needs premium' }],
    });
    expect(ok(m)).toEqual(m);
    expect(
      ok({
        type: 'profile',
        customer: { id: 'cust_002', name: 'John Doe', serviceLevel: 'premium', devices: [device()] },
        serviceLevel: { level: 'premium', allowedActions: ['status_check'], maxDevices: 3, supportPriority: 'priority' },
      }),
    ).toMatchObject({ type: 'profile', customer: { devices: [device()] } });
    expect(
      ok({
        type: 'history',
        conversationId: 'conv',
        messages: [{ sender: 'customer', text: 'hi', timestamp: '2026-01-01T00:00:00Z', requestType: null, allowed: null }],
      }),
    ).toMatchObject({ type: 'history', messages: [{ sender: 'customer', text: 'hi' }] });
    expect(ok({ type: 'error', code: 'rate_limited', message: 'Slow down', clientMessageId: 'c9' })).toEqual({
      type: 'error',
      code: 'rate_limited',
      message: 'Slow down',
      clientMessageId: 'c9',
    });
  });

  it('accepts nulls where the protocol allows them and ignores extra fields', () => {
    expect(ok({ type: 'ack', clientMessageId: null, conversationId: 'c', timestamp: 't', extra: 1 })).toMatchObject({
      clientMessageId: null,
    });
    expect(ok({ ...messageFrame(), requestType: null, clientMessageId: null })).toMatchObject({ requestType: null });
    expect(ok({ type: 'device', device: device({ nowPlaying: 'jazz' }) })).toMatchObject({ device: { nowPlaying: 'jazz' } });
    expect(ok({ type: 'history', conversationId: null, messages: [] })).toEqual({ type: 'history', conversationId: null, messages: [] });
  });

  it('turns an unknown error code into internal', () => {
    expect(ok({ type: 'error', code: 'teapot', message: 'short and stout' })).toEqual({
      type: 'error',
      code: 'internal',
      message: 'short and stout',
    });
  });
});

describe('parseServerFrame: bad frames never throw', () => {
  it('rejects what is not a JSON object', () => {
    expect(bad('not json')).toMatch(/not JSON/);
    expect(bad('')).toMatch(/not JSON/);
    expect(bad('[1,2]')).toMatch(/not a JSON object/);
    expect(bad('null')).toMatch(/not a JSON object/);
    expect(bad('"text"')).toMatch(/not a JSON object/);
    expect(bad(new ArrayBuffer(4))).toMatch(/not text/);
  });

  it('rejects a missing or unknown type', () => {
    expect(bad('{}')).toMatch(/no "type"/);
    expect(bad(JSON.stringify({ type: 42 }))).toMatch(/no "type"/);
    expect(bad(JSON.stringify({ type: 'sendMessage' }))).toMatch(/unknown frame type/);
  });

  it('rejects missing or mistyped fields', () => {
    expect(bad(JSON.stringify({ type: 'delta', conversationId: 'c' }))).toMatch(/delta\.text/);
    expect(bad(JSON.stringify({ type: 'ack', clientMessageId: 'x', timestamp: 't' }))).toMatch(/conversationId/);
    expect(bad(JSON.stringify({ ...messageFrame(), allowed: 'yes' }))).toMatch(/allowed/);
    expect(bad(JSON.stringify({ ...messageFrame(), source: 'gpt' }))).toMatch(/source/);
    expect(bad(JSON.stringify({ ...messageFrame(), actions: [{ action: 'x', allowed: 1 }] }))).toMatch(/actions\[0\]/);
    expect(bad(JSON.stringify({ type: 'device' }))).toMatch(/device/);
    expect(bad(JSON.stringify({ type: 'device', device: device({ volume: 101 }) }))).toMatch(/volume/);
    expect(bad(JSON.stringify({ type: 'device', device: { ...device(), type: 'Toaster' } }))).toMatch(/type/);
    expect(bad(JSON.stringify({ type: 'device', device: { ...device(), power: true } }))).toMatch(/power/);
    expect(bad(JSON.stringify({ type: 'history', conversationId: 'c', messages: [{ sender: 'cat', text: 'x', timestamp: 't' }] }))).toMatch(
      /sender/,
    );
    expect(bad(JSON.stringify({ type: 'profile', customer: { id: 'c' }, serviceLevel: {} }))).toMatch(/profile\.customer/);
  });
});

describe('client frames and HTTP lists', () => {
  it('serializes client frames without absent optional fields', () => {
    expect(serializeClientFrame({ action: 'getProfile' })).toBe('{"action":"getProfile"}');
    expect(JSON.parse(serializeClientFrame({ action: 'sendMessage', message: 'hi', clientMessageId: 'c1' }))).toEqual({
      action: 'sendMessage',
      message: 'hi',
      clientMessageId: 'c1',
    });
  });

  it('parses the customer and service level lists', () => {
    expect(parseCustomerList([{ id: 'cust_001', name: 'Jane Smith', serviceLevel: 'basic' }])).toHaveLength(1);
    expect(() => parseCustomerList({})).toThrow();
    expect(() => parseCustomerList([{ id: 1 }])).toThrow();
    expect(
      parseServiceLevelList([{ level: 'basic', allowedActions: ['status_check'], maxDevices: 1, supportPriority: 'standard' }]),
    ).toEqual([{ level: 'basic', allowedActions: ['status_check'], maxDevices: 1, supportPriority: 'standard' }]);
  });
});

describe('human handoff frames', () => {
  it('reads the handoff, queue, transcript and customerMessage frames as the server writes them', () => {
    expect(ok({ type: 'handoff', conversationId: 'c1', status: 'queued', position: 3, expectedWaitMinutes: 15, agentName: null, title: 'T', text: 'X' })).toEqual({
      type: 'handoff', conversationId: 'c1', status: 'queued', position: 3, expectedWaitMinutes: 15, agentName: null, title: 'T', text: 'X',
    });
    const queueEntry = {
      conversationId: 'c1', customerId: 'cust_003', customerName: 'Alice Johnson', tier: 'enterprise', supportPriority: 'dedicated',
      status: 'waiting', position: 1, requestedAt: '2026-12-01T10:00:00.0000000Z', waitedSeconds: 42, expectedWaitMinutes: 5,
      staffId: null, staffName: null,
    };
    const queue = ok({ type: 'queue', entries: [queueEntry], staffOnline: 1, staff: { id: 'staff_001', name: 'Sam Rivera' } });
    expect(queue).toMatchObject({ type: 'queue', staffOnline: 1, staff: { name: 'Sam Rivera' }, entries: [{ customerName: 'Alice Johnson', position: 1 }] });
    expect(ok({ type: 'queue', entries: [], staffOnline: 0, staff: null })).toMatchObject({ staff: null });
    const transcript = ok({
      type: 'transcript', conversationId: 'c1', customer: { id: 'cust_003', name: 'Alice Johnson', serviceLevel: 'enterprise' },
      messages: [{ sender: 'agent', text: 'Hi', timestamp: 't', requestType: null, allowed: true, agentName: 'Sam Rivera' }],
      entry: { ...queueEntry, status: 'assigned', position: null, staffId: 'staff_001', staffName: 'Sam Rivera' },
    });
    expect(transcript).toMatchObject({ messages: [{ sender: 'agent', agentName: 'Sam Rivera' }], entry: { status: 'assigned' } });
    expect(ok({ type: 'customerMessage', conversationId: 'c1', customerId: 'cust_003', message: { sender: 'customer', text: 'hi', timestamp: 't', requestType: null, allowed: true, agentName: null } }))
      .toMatchObject({ type: 'customerMessage', message: { text: 'hi' } });
    expect(ok(messageFrame({ source: 'agent', agentName: 'Priya Patel' }))).toMatchObject({ source: 'agent', agentName: 'Priya Patel' });
    expect(ok({ type: 'error', code: 'conflict', message: 'Sam Rivera is already handling that conversation.' })).toMatchObject({ code: 'conflict' });
  });

  it('refuses a handoff with an unknown status or a queue entry without its customer', () => {
    bad(JSON.stringify({ type: 'handoff', conversationId: 'c1', status: 'teleported' }));
    bad(JSON.stringify({ type: 'queue', entries: [{ conversationId: 'c1' }], staffOnline: 0 }));
  });

  it('writes the support console frames', () => {
    expect(serializeClientFrame({ action: 'takeConversation', conversationId: 'c1' })).toBe('{"action":"takeConversation","conversationId":"c1"}');
    expect(JSON.parse(serializeClientFrame({ action: 'sendAgentMessage', conversationId: 'c1', message: 'Hi', clientMessageId: 'k' })))
      .toEqual({ action: 'sendAgentMessage', conversationId: 'c1', message: 'Hi', clientMessageId: 'k' });
  });
});
