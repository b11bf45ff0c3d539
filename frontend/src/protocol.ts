// The ServiceBot wire protocol (docs/protocol.md), mirrored in TypeScript.
// A change here is a change to the contract: keep it in step with docs/protocol.md and the server's records.

/** The actions a service tier can allow (docs/product.md, "Service tiers"). */
export const SERVICE_ACTIONS = [
  'status_check',
  'device_info',
  'volume_control',
  'device_power',
  'device_relocation',
  'music_services',
  'multi_room_audio',
  'custom_actions',
] as const;
export type ServiceAction = (typeof SERVICE_ACTIONS)[number];

/** Tiers, lowest first. */
export const SERVICE_TIERS = ['basic', 'premium', 'enterprise'] as const;
export type ServiceTier = (typeof SERVICE_TIERS)[number];

/** Limits of client frames (docs/protocol.md, client -> server). */
export const MESSAGE_MAX_LENGTH = 4000;
export const CLIENT_MESSAGE_ID_MAX_LENGTH = 64;
export const FRAME_MAX_BYTES = 32 * 1024;

// ---------------------------------------------------------------- shared shapes

export type DeviceType = 'SmartSpeaker' | 'SmartDisplay' | 'SmartHub';
export type DevicePower = 'on' | 'off';
export type DeviceStatus = 'online' | 'offline';

export interface Device {
  id: string;
  type: DeviceType;
  name: string;
  /** A snake_case room name such as `living_room`. */
  location: string;
  power: DevicePower;
  /** 0..100 */
  volume: number;
  status: DeviceStatus;
  nowPlaying: string | null;
  /** Diagnostics, absent while unknown (devices stored before they existed have none). */
  signal?: WifiSignal;
  firmware?: string;
  /** ISO 8601 UTC: when the device last reached the service. */
  lastSeen?: string;
}

export type WifiSignal = 'strong' | 'fair' | 'weak';

export interface ServiceLevel {
  /** `basic`, `premium` or `enterprise`. */
  level: string;
  allowedActions: string[];
  maxDevices: number;
  supportPriority: string;
}

export interface Customer {
  id: string;
  name: string;
  serviceLevel: string;
  devices: Device[];
}

/** One entry of `GET /api/customers` (demo sign-in). */
export interface CustomerSummary {
  id: string;
  name: string;
  serviceLevel: string;
}

/** What the agent tried and what the permission gate decided. */
export interface ActionResult {
  action: string;
  deviceId: string | null;
  allowed: boolean;
  result: string;
}

/** `agent`: a person of the support team, in a handed-off conversation. */
export type Sender = 'customer' | 'bot' | 'agent';

export interface HistoryMessage {
  sender: Sender;
  text: string;
  timestamp: string;
  requestType: string | null;
  allowed: boolean | null;
  /** The person's name when `sender` is `agent`. */
  agentName?: string | null;
}

/** Where a request for a person stands (the `handoff` frame). */
export type HandoffStatus = 'queued' | 'assigned' | 'returned' | 'closed';

/** One open entry of the support queue, as the console shows it. */
export interface QueueEntry {
  conversationId: string;
  customerId: string;
  customerName: string;
  tier: string;
  /** `dedicated`, `priority` or `standard`. */
  supportPriority: string;
  status: 'waiting' | 'assigned';
  /** 1 = next to be taken; null once assigned. */
  position: number | null;
  requestedAt: string;
  waitedSeconds: number;
  expectedWaitMinutes: number | null;
  staffId: string | null;
  staffName: string | null;
}

export interface StaffMember {
  id: string;
  name: string;
}

// ---------------------------------------------------------------- client -> server

export interface SendMessageFrame {
  action: 'sendMessage';
  /** 1..4000 characters. */
  message: string;
  /** The server starts a conversation when absent. */
  conversationId?: string;
  /** Idempotency key, at most 64 characters. */
  clientMessageId?: string;
}

export interface GetProfileFrame {
  action: 'getProfile';
}

export interface GetHistoryFrame {
  action: 'getHistory';
  /** The customer's latest conversation when absent. */
  conversationId?: string;
}

// Support console frames (staff connections only).
export type StaffFrame =
  | { action: 'getQueue' }
  | { action: 'getTranscript'; conversationId: string }
  | { action: 'takeConversation'; conversationId: string }
  | { action: 'sendAgentMessage'; conversationId: string; message: string; clientMessageId?: string }
  | { action: 'handBack'; conversationId: string }
  | { action: 'closeConversation'; conversationId: string }
  | GetUpgradeDemandFrame;

export type ClientFrame = SendMessageFrame | GetProfileFrame | GetHistoryFrame | StaffFrame;

// ---------------------------------------------------------------- server -> client

export interface AckFrame {
  type: 'ack';
  clientMessageId: string | null;
  conversationId: string;
  timestamp: string;
}

export interface DeltaFrame {
  type: 'delta';
  conversationId: string;
  text: string;
}

export interface DeviceFrame {
  type: 'device';
  device: Device;
}

/**
 * A bot reply. Also sent unprompted when a timer or a scheduled routine runs (requestType 'timer' or
 * 'custom_routine', clientMessageId null, conversationId the conversation it was set in), after a DeviceFrame per change.
 */
export interface MessageFrame {
  type: 'message';
  conversationId: string;
  message: string;
  requestType: string | null;
  requiredActions: string[];
  allowed: boolean;
  actions: ActionResult[];
  /** `agent`: written by a person of the support team, named in `agentName`. */
  source: 'claude' | 'offline' | 'agent';
  timestamp: string;
  clientMessageId: string | null;
  agentName?: string | null;
}

export interface ProfileFrame {
  type: 'profile';
  customer: Customer;
  serviceLevel: ServiceLevel;
}

export interface HistoryFrame {
  type: 'history';
  conversationId: string | null;
  messages: HistoryMessage[];
}

export interface HandoffFrame {
  type: 'handoff';
  conversationId: string;
  status: HandoffStatus;
  position: number | null;
  expectedWaitMinutes: number | null;
  agentName: string | null;
  /** The notice's heading and sentence, in the customer's language, as the server says them. */
  title: string;
  text: string;
}

export interface QueueFrame {
  type: 'queue';
  entries: QueueEntry[];
  staffOnline: number;
  /** The console's own staff member, in the answer to getQueue; null in pushes. */
  staff: StaffMember | null;
}

export interface TranscriptFrame {
  type: 'transcript';
  conversationId: string;
  customer: CustomerSummary;
  messages: HistoryMessage[];
  entry: QueueEntry | null;
}

export interface CustomerMessageFrame {
  type: 'customerMessage';
  conversationId: string;
  customerId: string;
  message: HistoryMessage;
}

export type ErrorCode =
  | 'bad_request'
  | 'too_large'
  | 'unknown_action'
  | 'rate_limited'
  | 'unauthorized'
  | 'conflict'
  | 'not_found'
  | 'internal';

export const ERROR_CODES: readonly ErrorCode[] = [
  'bad_request',
  'too_large',
  'unknown_action',
  'rate_limited',
  'unauthorized',
  'conflict',
  'not_found',
  'internal',
];

export interface ErrorFrame {
  type: 'error';
  code: ErrorCode;
  message: string;
  clientMessageId?: string | null;
}

export type ServerFrame =
  | AckFrame
  | DeltaFrame
  | DeviceFrame
  | MessageFrame
  | ProfileFrame
  | HistoryFrame
  | HandoffFrame
  | QueueFrame
  | TranscriptFrame
  | CustomerMessageFrame
  | ErrorFrame;

export type ServerFrameType = ServerFrame['type'];

// ---------------------------------------------------------------- upgrade demand (staff frames)
// For staff connections only (docs/protocol.md, "Staff frames"): the support console sends `getUpgradeDemand` and
// gets `upgradeDemand`. Not part of ServerFrame: a customer connection never receives it, so the console reads it
// with parseUpgradeDemandFrame.

export interface GetUpgradeDemandFrame {
  action: 'getUpgradeDemand';
  /** 1..366, default 30: the last `days` days in UTC, today included. */
  days?: number;
}

/** Counts split by how the demand showed: the gate refused for the tier, or the customer asked about a plan. */
export interface DemandCounts {
  refusals: number;
  questions: number;
  total: number;
}

export interface ActionDemand extends DemandCounts {
  /** A tier action; null for questions about a tier as a whole ("what does enterprise add?"). */
  action: string | null;
}

export interface TierUpgradeDemand extends DemandCounts {
  fromTier: string;
  toTier: string;
}

export interface DayDemand extends DemandCounts {
  /** `yyyy-MM-dd`, UTC. */
  day: string;
}

/** The upgrade demand report: `from`..`to` (UTC days, both included); byDay has every day of the range. */
export interface UpgradeDemandReport {
  from: string;
  to: string;
  /** Most wanted first. */
  byAction: ActionDemand[];
  /** Most wanted first. */
  byUpgrade: TierUpgradeDemand[];
  /** Oldest first, quiet days with zeros. */
  byDay: DayDemand[];
  totals: DemandCounts;
}

export interface UpgradeDemandFrame extends UpgradeDemandReport {
  type: 'upgradeDemand';
}

// ---------------------------------------------------------------- parsing

export type ParseResult =
  | { ok: true; frame: ServerFrame }
  | { ok: false; error: string };

class FrameError extends Error {}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(o: Json, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string') throw new FrameError(`${where}.${key} must be a string`);
  return v;
}

function nonEmptyStr(o: Json, key: string, where: string): string {
  const v = str(o, key, where);
  if (v.length === 0) throw new FrameError(`${where}.${key} must not be empty`);
  return v;
}

function strOrNull(o: Json, key: string, where: string): string | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new FrameError(`${where}.${key} must be a string or null`);
  return v;
}

function bool(o: Json, key: string, where: string): boolean {
  const v = o[key];
  if (typeof v !== 'boolean') throw new FrameError(`${where}.${key} must be true or false`);
  return v;
}

function boolOrNull(o: Json, key: string, where: string): boolean | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'boolean') throw new FrameError(`${where}.${key} must be true, false or null`);
  return v;
}

function numOrNull(o: Json, key: string, where: string): number | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new FrameError(`${where}.${key} must be a number or null`);
  return v;
}

function num(o: Json, key: string, where: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new FrameError(`${where}.${key} must be a number`);
  return v;
}

function obj(o: Json, key: string, where: string): Json {
  const v = o[key];
  if (!isObject(v)) throw new FrameError(`${where}.${key} must be an object`);
  return v;
}

function arr(o: Json, key: string, where: string): unknown[] {
  const v = o[key];
  if (!Array.isArray(v)) throw new FrameError(`${where}.${key} must be an array`);
  return v;
}

function strings(o: Json, key: string, where: string): string[] {
  return arr(o, key, where).map((v, i) => {
    if (typeof v !== 'string') throw new FrameError(`${where}.${key}[${i}] must be a string`);
    return v;
  });
}

function oneOf<T extends string>(o: Json, key: string, where: string, allowed: readonly T[]): T {
  const v = str(o, key, where);
  if (!(allowed as readonly string[]).includes(v)) {
    throw new FrameError(`${where}.${key} must be one of ${allowed.join(', ')}`);
  }
  return v as T;
}

function element(v: unknown, where: string): Json {
  if (!isObject(v)) throw new FrameError(`${where} must be an object`);
  return v;
}

export function parseDevice(value: unknown, where = 'device'): Device {
  const d = element(value, where);
  const volume = num(d, 'volume', where);
  if (volume < 0 || volume > 100) throw new FrameError(`${where}.volume must be 0..100`);
  return {
    id: nonEmptyStr(d, 'id', where),
    type: oneOf(d, 'type', where, ['SmartSpeaker', 'SmartDisplay', 'SmartHub'] as const),
    name: str(d, 'name', where),
    location: str(d, 'location', where),
    power: oneOf(d, 'power', where, ['on', 'off'] as const),
    volume,
    status: oneOf(d, 'status', where, ['online', 'offline'] as const),
    nowPlaying: strOrNull(d, 'nowPlaying', where),
  };
}

export function parseServiceLevel(value: unknown, where = 'serviceLevel'): ServiceLevel {
  const s = element(value, where);
  return {
    level: nonEmptyStr(s, 'level', where),
    allowedActions: strings(s, 'allowedActions', where),
    maxDevices: num(s, 'maxDevices', where),
    supportPriority: str(s, 'supportPriority', where),
  };
}

function parseActionResult(value: unknown, where: string): ActionResult {
  const a = element(value, where);
  return {
    action: str(a, 'action', where),
    deviceId: strOrNull(a, 'deviceId', where),
    allowed: bool(a, 'allowed', where),
    result: strOrNull(a, 'result', where) ?? '',
  };
}

function parseHistoryMessage(value: unknown, where: string): HistoryMessage {
  const m = element(value, where);
  return {
    sender: oneOf(m, 'sender', where, ['customer', 'bot', 'agent'] as const),
    text: str(m, 'text', where),
    timestamp: str(m, 'timestamp', where),
    requestType: strOrNull(m, 'requestType', where),
    allowed: boolOrNull(m, 'allowed', where),
    agentName: strOrNull(m, 'agentName', where),
  };
}

function parseQueueEntry(value: unknown, where: string): QueueEntry {
  const e = element(value, where);
  return {
    conversationId: nonEmptyStr(e, 'conversationId', where),
    customerId: nonEmptyStr(e, 'customerId', where),
    customerName: str(e, 'customerName', where),
    tier: str(e, 'tier', where),
    supportPriority: str(e, 'supportPriority', where),
    status: oneOf(e, 'status', where, ['waiting', 'assigned'] as const),
    position: numOrNull(e, 'position', where),
    requestedAt: str(e, 'requestedAt', where),
    waitedSeconds: num(e, 'waitedSeconds', where),
    expectedWaitMinutes: numOrNull(e, 'expectedWaitMinutes', where),
    staffId: strOrNull(e, 'staffId', where),
    staffName: strOrNull(e, 'staffName', where),
  };
}

function parseFrameObject(f: Json): ServerFrame {
  const type = f['type'];
  if (typeof type !== 'string') throw new FrameError('frame has no "type"');
  const w = type;
  switch (type) {
    case 'ack':
      return {
        type,
        clientMessageId: strOrNull(f, 'clientMessageId', w),
        conversationId: nonEmptyStr(f, 'conversationId', w),
        timestamp: str(f, 'timestamp', w),
      };
    case 'delta':
      return { type, conversationId: nonEmptyStr(f, 'conversationId', w), text: str(f, 'text', w) };
    case 'device':
      return { type, device: parseDevice(f['device'], 'device.device') };
    case 'message':
      return {
        type,
        conversationId: nonEmptyStr(f, 'conversationId', w),
        message: str(f, 'message', w),
        requestType: strOrNull(f, 'requestType', w),
        requiredActions: f['requiredActions'] == null ? [] : strings(f, 'requiredActions', w),
        allowed: bool(f, 'allowed', w),
        actions:
          f['actions'] == null
            ? []
            : arr(f, 'actions', w).map((a, i) => parseActionResult(a, `message.actions[${i}]`)),
        source: oneOf(f, 'source', w, ['claude', 'offline', 'agent'] as const),
        timestamp: str(f, 'timestamp', w),
        clientMessageId: strOrNull(f, 'clientMessageId', w),
        agentName: strOrNull(f, 'agentName', w),
      };
    case 'profile': {
      const c = obj(f, 'customer', w);
      return {
        type,
        customer: {
          id: nonEmptyStr(c, 'id', 'profile.customer'),
          name: str(c, 'name', 'profile.customer'),
          serviceLevel: str(c, 'serviceLevel', 'profile.customer'),
          devices: arr(c, 'devices', 'profile.customer').map((d, i) =>
            parseDevice(d, `profile.customer.devices[${i}]`),
          ),
        },
        serviceLevel: parseServiceLevel(f['serviceLevel'], 'profile.serviceLevel'),
      };
    }
    case 'history':
      return {
        type,
        conversationId: strOrNull(f, 'conversationId', w),
        messages: arr(f, 'messages', w).map((m, i) => parseHistoryMessage(m, `history.messages[${i}]`)),
      };
    case 'handoff':
      return {
        type,
        conversationId: nonEmptyStr(f, 'conversationId', w),
        status: oneOf(f, 'status', w, ['queued', 'assigned', 'returned', 'closed'] as const),
        position: numOrNull(f, 'position', w),
        expectedWaitMinutes: numOrNull(f, 'expectedWaitMinutes', w),
        agentName: strOrNull(f, 'agentName', w),
        title: str(f, 'title', w),
        text: str(f, 'text', w),
      };
    case 'queue': {
      const staff = f['staff'];
      return {
        type,
        entries: arr(f, 'entries', w).map((e, i) => parseQueueEntry(e, `queue.entries[${i}]`)),
        staffOnline: num(f, 'staffOnline', w),
        staff: isObject(staff) ? { id: nonEmptyStr(staff, 'id', 'queue.staff'), name: str(staff, 'name', 'queue.staff') } : null,
      };
    }
    case 'transcript': {
      const c = obj(f, 'customer', w);
      return {
        type,
        conversationId: nonEmptyStr(f, 'conversationId', w),
        customer: {
          id: nonEmptyStr(c, 'id', 'transcript.customer'),
          name: str(c, 'name', 'transcript.customer'),
          serviceLevel: str(c, 'serviceLevel', 'transcript.customer'),
        },
        messages: arr(f, 'messages', w).map((m, i) => parseHistoryMessage(m, `transcript.messages[${i}]`)),
        entry: f['entry'] == null ? null : parseQueueEntry(f['entry'], 'transcript.entry'),
      };
    }
    case 'customerMessage':
      return {
        type,
        conversationId: nonEmptyStr(f, 'conversationId', w),
        customerId: nonEmptyStr(f, 'customerId', w),
        message: parseHistoryMessage(f['message'], 'customerMessage.message'),
      };
    case 'error': {
      const code = str(f, 'code', w);
      const frame: ErrorFrame = {
        type,
        // An unknown code from a newer server is still an error: show it as internal.
        code: (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'internal',
        message: strOrNull(f, 'message', w) ?? '',
      };
      const id = strOrNull(f, 'clientMessageId', w);
      if (id !== null) frame.clientMessageId = id;
      return frame;
    }
    default:
      throw new FrameError(`unknown frame type "${type}"`);
  }
}

/** Parses one text frame from the server. Never throws: a bad frame comes back as `{ok: false}`. */
export function parseServerFrame(raw: unknown): ParseResult {
  if (typeof raw !== 'string') return { ok: false, error: 'frame is not text' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'frame is not JSON' };
  }
  if (!isObject(value)) return { ok: false, error: 'frame is not a JSON object' };
  try {
    return { ok: true, frame: parseFrameObject(value) };
  } catch (e) {
    if (e instanceof FrameError) return { ok: false, error: e.message };
    throw e;
  }
}

/** Parses `GET /api/customers`. */
export function parseCustomerList(value: unknown): CustomerSummary[] {
  if (!Array.isArray(value)) throw new Error('customers: expected an array');
  return value.map((v, i) => {
    const c = element(v, `customers[${i}]`);
    return {
      id: nonEmptyStr(c, 'id', `customers[${i}]`),
      name: str(c, 'name', `customers[${i}]`),
      serviceLevel: str(c, 'serviceLevel', `customers[${i}]`),
    };
  });
}

/** Parses `GET /api/service-levels`. */
export function parseServiceLevelList(value: unknown): ServiceLevel[] {
  if (!Array.isArray(value)) throw new Error('service levels: expected an array');
  return value.map((v, i) => parseServiceLevel(v, `serviceLevels[${i}]`));
}

/** Serializes a client frame; fields that are undefined are left out. */
export function serializeClientFrame(frame: ClientFrame): string {
  return JSON.stringify(frame);
}

function counts(o: Json, where: string): DemandCounts {
  const refusals = num(o, 'refusals', where);
  const questions = num(o, 'questions', where);
  if (refusals < 0 || questions < 0) throw new FrameError(`${where}: counts must not be negative`);
  return { refusals, questions, total: o['total'] == null ? refusals + questions : num(o, 'total', where) };
}

/** Reads the body of a staff `upgradeDemand` frame. Never throws: a bad frame comes back as `{ok: false}`. */
export function parseUpgradeDemandFrame(value: unknown): { ok: true; frame: UpgradeDemandFrame } | { ok: false; error: string } {
  try {
    const f = element(value, 'upgradeDemand');
    if (f['type'] !== 'upgradeDemand') throw new FrameError('upgradeDemand.type must be "upgradeDemand"');
    const w = 'upgradeDemand';
    return {
      ok: true,
      frame: {
        type: 'upgradeDemand',
        from: str(f, 'from', w),
        to: str(f, 'to', w),
        byAction: arr(f, 'byAction', w).map((a, i) => {
          const where = `${w}.byAction[${i}]`;
          const o = element(a, where);
          return { action: strOrNull(o, 'action', where), ...counts(o, where) };
        }),
        byUpgrade: arr(f, 'byUpgrade', w).map((u, i) => {
          const where = `${w}.byUpgrade[${i}]`;
          const o = element(u, where);
          return { fromTier: nonEmptyStr(o, 'fromTier', where), toTier: nonEmptyStr(o, 'toTier', where), ...counts(o, where) };
        }),
        byDay: arr(f, 'byDay', w).map((d, i) => {
          const where = `${w}.byDay[${i}]`;
          const o = element(d, where);
          return { day: nonEmptyStr(o, 'day', where), ...counts(o, where) };
        }),
        totals: counts(obj(f, 'totals', w), `${w}.totals`),
      },
    };
  } catch (e) {
    if (e instanceof FrameError) return { ok: false, error: e.message };
    throw e;
  }
}
