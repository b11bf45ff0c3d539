import { describe, expect, it } from 'vitest';
import { socketUrl } from './api';
import type { ServiceLevel } from './protocol';
import { parseSession } from './storage';
import { suggestions } from './suggestions';
import { tierRows, upgradeTierFor } from './tiers';
import { device } from './testing';

const levels: ServiceLevel[] = [
  { level: 'enterprise', allowedActions: ['status_check', 'device_info', 'volume_control', 'device_power', 'device_relocation', 'music_services', 'multi_room_audio', 'custom_actions'], maxDevices: 10, supportPriority: 'dedicated' },
  { level: 'basic', allowedActions: ['status_check', 'device_info', 'volume_control', 'device_power'], maxDevices: 1, supportPriority: 'standard' },
  { level: 'premium', allowedActions: ['status_check', 'device_info', 'volume_control', 'device_power', 'device_relocation', 'music_services'], maxDevices: 3, supportPriority: 'priority' },
];
const tier = (name: string) => levels.find((l) => l.level === name)!;

describe('tiers', () => {
  it('names the lowest tier that would allow a refused action', () => {
    expect(upgradeTierFor('music_services', 'basic', levels)).toBe('premium');
    expect(upgradeTierFor('multi_room_audio', 'basic', levels)).toBe('enterprise');
    expect(upgradeTierFor('custom_actions', 'premium', levels)).toBe('enterprise');
    expect(upgradeTierFor('volume_control', 'enterprise', levels)).toBeNull();
  });
  it('lists allowed actions first, then refused ones with their upgrade', () => {
    const rows = tierRows(tier('basic'), levels);
    expect(rows.filter((r) => r.allowed).map((r) => r.action)).toEqual(['status_check', 'device_info', 'volume_control', 'device_power']);
    expect(rows.filter((r) => !r.allowed).map((r) => [r.action, r.upgradeTo])).toEqual([
      ['device_relocation', 'premium'],
      ['music_services', 'premium'],
      ['multi_room_audio', 'enterprise'],
      ['custom_actions', 'enterprise'],
    ]);
  });
});

describe('suggestions', () => {
  const kitchen = device();
  const bedroom = device({ id: 'dev_002', type: 'SmartSpeaker', name: 'Bedroom Speaker', location: 'bedroom' });
  it('fits a premium customer with a kitchen display and a bedroom speaker', () => {
    const s = suggestions([bedroom, kitchen], tier('premium'));
    expect(s).toContain('Turn the kitchen display down to 20');
    expect(s).toContain('Play jazz in the bedroom');
    expect(s[s.length - 1]).toBe('What can you do?');
    expect(s.length).toBeLessThanOrEqual(5);
  });
  it('offers no music to a basic customer', () => {
    const s = suggestions([device({ id: 'dev_001', type: 'SmartSpeaker', location: 'living_room', volume: 50 })], tier('basic'));
    expect(s.some((x) => /jazz/i.test(x))).toBe(false);
    expect(s).toContain('Turn the living room speaker down to 20');
    expect(s).toContain('What can you do?');
  });
  it('offers routines and multi-room audio to enterprise', () => {
    const s = suggestions([bedroom, kitchen], tier('enterprise'), 10);
    expect(s.some((x) => x.startsWith('Every day at 7:00'))).toBe(true);
    expect(s.some((x) => / and the /.test(x))).toBe(true);
  });
  it('still helps before the profile arrives', () => {
    expect(suggestions([], null)).toEqual(['What can you do?']);
  });
});

describe('session storage and the socket address', () => {
  it('reads a saved session and rejects a malformed one', () => {
    const s = parseSession(
      JSON.stringify({
        auth: { kind: 'demo', customerId: 'cust_002' },
        conversationId: 'conv-1',
        outbox: { items: [{ clientMessageId: 'a', message: 'hi', state: 'inflight' }, { bogus: 1 }], done: ['z', 3] },
      }),
    );
    expect(s).toEqual({
      auth: { kind: 'demo', customerId: 'cust_002' },
      conversationId: 'conv-1',
      outbox: { items: [{ clientMessageId: 'a', message: 'hi', state: 'inflight' }], done: ['z'] },
    });
    expect(parseSession('{')).toBeNull();
    expect(parseSession(JSON.stringify({ auth: { kind: 'demo' } }))).toBeNull();
    expect(parseSession(null)).toBeNull();
  });
  it('builds the WebSocket address on the same host', () => {
    expect(socketUrl({ kind: 'demo', customerId: 'cust_001' }, { protocol: 'http:', host: '127.0.0.1:5000' })).toBe(
      'ws://127.0.0.1:5000/ws?customerId=cust_001',
    );
    expect(socketUrl({ kind: 'token', token: 'a.b+c' }, { protocol: 'https:', host: 'example.test' })).toBe(
      'wss://example.test/ws?token=a.b%2Bc',
    );
  });
});
