// Helpers for the unit tests: sample frames and devices.
import type { Device, MessageFrame, UpgradeDemandReport } from './protocol';

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

/** An upgrade demand report over three days: music refused and asked about, a tier-only question, a quiet day. */
export function sampleReport(overrides: Partial<UpgradeDemandReport> = {}): UpgradeDemandReport {
  return {
    from: '2026-11-02',
    to: '2026-11-04',
    byAction: [
      { action: 'music_services', refusals: 3, questions: 1, total: 4 },
      { action: null, refusals: 0, questions: 2, total: 2 },
    ],
    byUpgrade: [
      { fromTier: 'basic', toTier: 'premium', refusals: 3, questions: 1, total: 4 },
      { fromTier: 'basic', toTier: 'enterprise', refusals: 0, questions: 2, total: 2 },
    ],
    byDay: [
      { day: '2026-11-02', refusals: 2, questions: 0, total: 2 },
      { day: '2026-11-03', refusals: 0, questions: 0, total: 0 },
      { day: '2026-11-04', refusals: 1, questions: 3, total: 4 },
    ],
    totals: { refusals: 3, questions: 3, total: 6 },
    ...overrides,
  };
}
