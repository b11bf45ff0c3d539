// The chat's state and the reducer that applies server frames and local events to it.
// Pure: no sockets, no timers, no storage; the unit tests drive it directly.

import type {
  ActionResult,
  Customer,
  Device,
  ErrorCode,
  HandoffStatus,
  HistoryMessage,
  ServerFrame,
  ServiceLevel,
  Sender,
} from './protocol';
import { TEXTS, type Language } from './i18n';

/** Where one of the customer's own messages is on its way to the server. */
export type DeliveryStatus =
  | 'queued' // written, not sent yet (offline, or waiting for the conversation to start)
  | 'sending' // sent on the current connection, no ack yet
  | 'stored' // acknowledged: durably stored by the server
  | 'answered' // the bot's reply arrived
  | 'failed'; // answered with an error frame

export interface ChatMessage {
  /** Stable key for rendering. */
  key: string;
  sender: Sender;
  text: string;
  timestamp: string | null;
  clientMessageId: string | null;
  /** Customer messages only. */
  status: DeliveryStatus | null;
  /** Words for a failed message. */
  error: string | null;
  requestType: string | null;
  allowed: boolean | null;
  requiredActions: string[];
  actions: ActionResult[];
  source: 'claude' | 'offline' | 'agent' | null;
  /** For a message of the support team (sender `agent`): the person's name. */
  agentName: string | null;
}

/** Where the customer's request for a person stands, in the shown conversation (its words come from the server). */
export interface Handoff {
  conversationId: string;
  status: HandoffStatus;
  position: number | null;
  expectedWaitMinutes: number | null;
  agentName: string | null;
  title: string;
  text: string;
}

export interface Notice {
  id: number;
  tone: 'error' | 'info';
  text: string;
}

export interface ChatState {
  customer: Omit<Customer, 'devices'> | null;
  serviceLevel: ServiceLevel | null;
  devices: Device[];
  /** deviceId -> how many live changes it had in this session (shown as "updated"). */
  deviceChanges: Record<string, number>;
  conversationId: string | null;
  messages: ChatMessage[];
  /** conversationId -> the reply written so far (delta frames), until its `message` replaces it. */
  streams: Record<string, string>;
  notices: Notice[];
  /** Text for the ARIA live region: the newest bot message. */
  announcement: string;
  /** Counts announcements, so the same text twice is still announced. */
  announcementSeq: number;
  historyLoaded: boolean;
  /** The latest handoff frame: the queue notice shown above the conversation. */
  handoff: Handoff | null;
  /** The page's language: the words the page writes itself (notices, error words) are in it. */
  language: Language;
  nextId: number;
}

export type ChatEvent =
  | { type: 'frame'; frame: ServerFrame }
  | { type: 'queued'; clientMessageId: string; text: string }
  | { type: 'sent'; clientMessageId: string }
  | { type: 'requeued'; clientMessageIds: string[] }
  | { type: 'retrying'; clientMessageId: string }
  | { type: 'badFrame'; error: string }
  | { type: 'notice'; tone: Notice['tone']; text: string }
  | { type: 'dismissNotice'; id: number };

export function initialChatState(conversationId: string | null = null, language: Language = 'en'): ChatState {
  return {
    customer: null,
    serviceLevel: null,
    devices: [],
    deviceChanges: {},
    conversationId,
    messages: [],
    streams: {},
    notices: [],
    announcement: '',
    announcementSeq: 0,
    historyLoaded: false,
    handoff: null,
    language,
    nextId: 1,
  };
}

/** An error frame in words for a person, in the page's language; the server's `message` is kept as sent. */
export function describeError(code: ErrorCode, message: string, language: Language = 'en'): string {
  const base = TEXTS[language].errors[code];
  const detail = message.trim();
  if (detail === '' || detail === base) return base;
  return `${base} (${detail})`;
}

const MAX_NOTICES = 5;

function addNotice(state: ChatState, tone: Notice['tone'], text: string): ChatState {
  const notices = [...state.notices, { id: state.nextId, tone, text }].slice(-MAX_NOTICES);
  return { ...state, notices, nextId: state.nextId + 1 };
}

function blankMessage(key: string, sender: Sender, text: string): ChatMessage {
  return {
    key,
    sender,
    text,
    timestamp: null,
    clientMessageId: null,
    status: null,
    error: null,
    requestType: null,
    allowed: null,
    requiredActions: [],
    actions: [],
    source: null,
    agentName: null,
  };
}

function updateCustomerMessage(
  messages: ChatMessage[],
  clientMessageId: string | null,
  update: (m: ChatMessage) => ChatMessage,
): ChatMessage[] {
  if (clientMessageId === null) return messages;
  let changed = false;
  const next = messages.map((m) => {
    if (m.sender === 'customer' && m.clientMessageId === clientMessageId) {
      changed = true;
      return update(m);
    }
    return m;
  });
  return changed ? next : messages;
}

function withoutKey(record: Record<string, string>, key: string): Record<string, string> {
  if (!(key in record)) return record;
  const next = { ...record };
  delete next[key];
  return next;
}

/**
 * Merges a `history` frame (the server's stored conversation, oldest first) with what this page
 * already shows. The history is the truth for what was stored; what the page knows beyond it
 * (the actions of a reply, the clientMessageId) is kept for the messages that match, and the
 * customer's messages that never reached the server (queued, sending, failed) stay at the end.
 */
export function mergeHistory(
  local: ChatMessage[],
  history: HistoryMessage[],
  makeKey: () => string,
): ChatMessage[] {
  const used = new Set<number>();
  let cursor = 0;
  const merged = history.map((h) => {
    // Find the next unused local message with the same sender and text, in order.
    let match = -1;
    for (let i = cursor; i < local.length; i++) {
      const l = local[i]!;
      if (!used.has(i) && l.sender === h.sender && l.text === h.text) {
        match = i;
        break;
      }
    }
    if (match >= 0) {
      used.add(match);
      cursor = match + 1;
      const l = local[match]!;
      return {
        ...l,
        timestamp: h.timestamp,
        requestType: h.requestType ?? l.requestType,
        allowed: h.allowed ?? l.allowed,
        status: l.sender === 'customer' && (l.status === 'sending' || l.status === 'queued' || l.status === 'failed')
          ? 'stored'
          : l.status,
        error: l.sender === 'customer' ? null : l.error,
      };
    }
    const m = blankMessage(makeKey(), h.sender, h.text);
    return {
      ...m,
      agentName: h.agentName ?? null,
      source: h.sender === 'agent' ? ('agent' as const) : m.source,
      timestamp: h.timestamp,
      requestType: h.requestType,
      allowed: h.allowed,
      status: h.sender === 'customer' ? ('stored' as const) : null,
    };
  });
  const lastStored = history.length > 0 ? Date.parse(history[history.length - 1]!.timestamp) : Number.NaN;
  const rest = local.filter((l, i) => {
    if (used.has(i)) return false;
    // Not stored yet: keep, it will still be sent.
    if (l.sender === 'customer' && (l.status === 'queued' || l.status === 'sending' || l.status === 'failed')) {
      return true;
    }
    // Newer than the stored history (it arrived while the history was on its way): keep.
    if (l.timestamp !== null && !Number.isNaN(lastStored) && Date.parse(l.timestamp) > lastStored) return true;
    return false;
  });
  return [...merged, ...rest];
}

function applyFrame(state: ChatState, frame: ServerFrame): ChatState {
  switch (frame.type) {
    case 'ack':
      return {
        ...state,
        conversationId: frame.conversationId,
        messages: updateCustomerMessage(state.messages, frame.clientMessageId, (m) => ({
          ...m,
          timestamp: frame.timestamp,
          status: m.status === 'answered' ? 'answered' : 'stored',
          error: null,
        })),
      };
    case 'delta': {
      const sofar = state.streams[frame.conversationId] ?? '';
      return { ...state, streams: { ...state.streams, [frame.conversationId]: sofar + frame.text } };
    }
    case 'message': {
      if (frame.source === 'agent') {
        // A person of the support team: their own message, answering none of the customer's in particular.
        const said: ChatMessage = {
          ...blankMessage(`m${state.nextId}`, 'agent', frame.message),
          timestamp: frame.timestamp,
          source: 'agent',
          agentName: frame.agentName ?? null,
        };
        return {
          ...state,
          conversationId: frame.conversationId,
          messages: [...state.messages, said],
          announcement: `${frame.agentName ?? TEXTS[state.language].supportFallback}: ${frame.message}`,
          announcementSeq: state.announcementSeq + 1,
          nextId: state.nextId + 1,
        };
      }
      let messages = updateCustomerMessage(state.messages, frame.clientMessageId, (m) => ({
        ...m,
        status: 'answered',
        error: null,
      }));
      const reply: ChatMessage = {
        ...blankMessage(`m${state.nextId}`, 'bot', frame.message),
        timestamp: frame.timestamp,
        clientMessageId: frame.clientMessageId,
        requestType: frame.requestType,
        allowed: frame.allowed,
        requiredActions: frame.requiredActions,
        actions: frame.actions,
        source: frame.source,
      };
      // A repeated reply (an idempotent retry answered again) replaces the one shown.
      const existing =
        frame.clientMessageId === null
          ? -1
          : messages.findIndex((m) => m.sender === 'bot' && m.clientMessageId === frame.clientMessageId);
      if (existing >= 0) {
        messages = messages.map((m, i) => (i === existing ? { ...reply, key: m.key } : m));
      } else {
        messages = [...messages, reply];
      }
      return {
        ...state,
        conversationId: frame.conversationId,
        messages,
        streams: withoutKey(state.streams, frame.conversationId),
        announcement: `ServiceBot: ${frame.message}`,
        announcementSeq: state.announcementSeq + 1,
        nextId: state.nextId + 1,
      };
    }
    case 'device': {
      const idx = state.devices.findIndex((d) => d.id === frame.device.id);
      const devices =
        idx >= 0 ? state.devices.map((d, i) => (i === idx ? frame.device : d)) : [...state.devices, frame.device];
      return {
        ...state,
        devices,
        deviceChanges: {
          ...state.deviceChanges,
          [frame.device.id]: (state.deviceChanges[frame.device.id] ?? 0) + 1,
        },
      };
    }
    case 'profile': {
      const { devices, ...customer } = frame.customer;
      return { ...state, customer, serviceLevel: frame.serviceLevel, devices };
    }
    case 'history': {
      let next = state.nextId;
      const messages = mergeHistory(state.messages, frame.messages, () => `m${next++}`);
      return {
        ...state,
        conversationId: frame.conversationId ?? state.conversationId,
        messages,
        historyLoaded: true,
        nextId: next,
      };
    }
    case 'handoff': {
      const { type: _, ...handoff } = frame;
      return { ...state, handoff };
    }
    case 'queue':
    case 'transcript':
    case 'customerMessage':
      // Support console frames: a customer's page never gets them.
      return state;
    case 'error': {
      const text = describeError(frame.code, frame.message, state.language);
      const id = frame.clientMessageId ?? null;
      const known = id !== null && state.messages.some((m) => m.sender === 'customer' && m.clientMessageId === id);
      if (known) {
        return {
          ...state,
          messages: updateCustomerMessage(state.messages, id, (m) =>
            m.status === 'stored' || m.status === 'answered' ? m : { ...m, status: 'failed', error: text },
          ),
        };
      }
      return addNotice(state, 'error', text);
    }
  }
}

export function chatReducer(state: ChatState, event: ChatEvent): ChatState {
  switch (event.type) {
    case 'frame':
      return applyFrame(state, event.frame);
    case 'queued': {
      if (state.messages.some((m) => m.sender === 'customer' && m.clientMessageId === event.clientMessageId)) {
        return state;
      }
      const m: ChatMessage = {
        ...blankMessage(`m${state.nextId}`, 'customer', event.text),
        clientMessageId: event.clientMessageId,
        status: 'queued',
      };
      return { ...state, messages: [...state.messages, m], nextId: state.nextId + 1 };
    }
    case 'sent':
      return {
        ...state,
        messages: updateCustomerMessage(state.messages, event.clientMessageId, (m) =>
          m.status === 'queued' || m.status === 'failed' ? { ...m, status: 'sending', error: null } : m,
        ),
      };
    case 'requeued': {
      const ids = new Set(event.clientMessageIds);
      return {
        ...state,
        messages: state.messages.map((m) =>
          m.sender === 'customer' && m.clientMessageId !== null && ids.has(m.clientMessageId) && m.status === 'sending'
            ? { ...m, status: 'queued' }
            : m,
        ),
      };
    }
    case 'retrying':
      return {
        ...state,
        messages: updateCustomerMessage(state.messages, event.clientMessageId, (m) =>
          m.status === 'failed' ? { ...m, status: 'queued', error: null } : m,
        ),
      };
    case 'badFrame':
      return addNotice(state, 'error', TEXTS[state.language].unreadableFrame(event.error));
    case 'notice':
      return addNotice(state, event.tone, event.text);
    case 'dismissNotice':
      return { ...state, notices: state.notices.filter((n) => n.id !== event.id) };
  }
}

/** The reply being written in the shown conversation, if any. */
export function streamingText(state: ChatState): string | null {
  if (state.conversationId !== null) return state.streams[state.conversationId] ?? null;
  const values = Object.values(state.streams);
  return values.length > 0 ? values[values.length - 1]! : null;
}
