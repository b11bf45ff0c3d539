// Helpers for the unit tests: sample frames and devices.
import type { Device, MessageFrame } from './protocol';

export function device(overrides: Partial<Device> = {}): Device {
  return {
    id: 'dev_003',
    type: 'SmartDisplay',
    name: 'Kitchen Display',
    location: 'kitchen',
    power: 'on',
    volume: 60,
    status: 'online',
    nowPlaying: null,
    ...overrides,
  };
}

export function messageFrame(overrides: Partial<MessageFrame> = {}): MessageFrame {
  return {
    type: 'message',
    conversationId: 'conv-1',
    message: 'Done.',
    requestType: 'volume_change',
    requiredActions: ['volume_control'],
    allowed: true,
    actions: [],
    source: 'offline',
    timestamp: '2026-01-01T10:00:01.000Z',
    clientMessageId: null,
    agentName: null,
    ...overrides,
  };
}
