// The support console's state and the reducer that applies server frames and the staff member's own steps to it.
// Pure: no sockets, no timers; the unit tests drive it directly.

import type { CustomerSummary, HistoryMessage, QueueEntry, ServerFrame, StaffMember, UpgradeDemandReport } from './protocol';
import { describeError } from './state';

export interface ConsoleMessage {
  key: string;
  sender: HistoryMessage['sender'];
  text: string;
  timestamp: string | null;
  agentName: string | null;
}

export interface Transcript {
  conversationId: string;
  customer: CustomerSummary;
  messages: ConsoleMessage[];
}

export interface ConsoleState {
  me: StaffMember | null;
  /** Open entries in the order they are to be taken (as the server ordered them). */
  entries: QueueEntry[];
  staffOnline: number;
  /** When the queue arrived (ms since the epoch): waiting times count on from here. */
  queueAt: number;
  /** The conversation whose transcript is shown. */
  selected: string | null;
  transcript: Transcript | null;
  /** Replies sent and not yet acknowledged, by clientMessageId. */
  pending: Record<string, { conversationId: string; text: string }>;
  notices: { id: number; text: string }[];
  nextId: number;
  /** The latest upgrade demand report, null until the first arrives. */
  demand: UpgradeDemandReport | null;
}

export type ConsoleEvent =
  | { type: 'frame'; frame: ServerFrame; now: number }
  | { type: 'select'; conversationId: string }
  | { type: 'replying'; clientMessageId: string; conversationId: string; text: string }
  | { type: 'dismissNotice'; id: number }
  | { type: 'demand'; report: UpgradeDemandReport };

export function initialConsoleState(): ConsoleState {
  return { me: null, entries: [], staffOnline: 0, queueAt: 0, selected: null, transcript: null, pending: {}, notices: [], nextId: 1, demand: null };
}

function toMessage(key: string, m: HistoryMessage): ConsoleMessage {
  return { key, sender: m.sender, text: m.text, timestamp: m.timestamp, agentName: m.agentName ?? null };
}

function notice(state: ConsoleState, text: string): ConsoleState {
  return { ...state, notices: [...state.notices, { id: state.nextId, text }].slice(-4), nextId: state.nextId + 1 };
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  const next = { ...record };
  delete next[key];
  return next;
}

export function consoleReducer(state: ConsoleState, event: ConsoleEvent): ConsoleState {
  switch (event.type) {
    case 'select':
      return { ...state, selected: event.conversationId };
    case 'replying':
      return {
        ...state,
        pending: { ...state.pending, [event.clientMessageId]: { conversationId: event.conversationId, text: event.text } },
      };
    case 'dismissNotice':
      return { ...state, notices: state.notices.filter((n) => n.id !== event.id) };
    case 'demand':
      return { ...state, demand: event.report };
    case 'frame':
      return applyFrame(state, event.frame, event.now);
  }
}

function applyFrame(state: ConsoleState, frame: ServerFrame, now: number): ConsoleState {
  switch (frame.type) {
    case 'queue':
      return { ...state, entries: frame.entries, staffOnline: frame.staffOnline, queueAt: now, me: frame.staff ?? state.me };
    case 'transcript': {
      let next = state.nextId;
      const transcript: Transcript = {
        conversationId: frame.conversationId,
        customer: frame.customer,
        messages: frame.messages.map((m) => toMessage(`t${next++}`, m)),
      };
      // A transcript carries its entry as it is now: the list shows that too until the next queue arrives.
      const entry = frame.entry;
      const entries =
        entry === null ? state.entries : state.entries.map((e) => (e.conversationId === entry.conversationId ? entry : e));
      return { ...state, selected: frame.conversationId, transcript, entries, nextId: next };
    }
    case 'customerMessage': {
      const t = state.transcript;
      if (t === null || t.conversationId !== frame.conversationId) return state;
      const messages = [...t.messages, toMessage(`t${state.nextId}`, frame.message)];
      return { ...state, transcript: { ...t, messages }, nextId: state.nextId + 1 };
    }
    case 'ack': {
      const id = frame.clientMessageId;
      const sent = id === null ? undefined : state.pending[id];
      if (id === null || sent === undefined) return state;
      const t = state.transcript;
      const shown =
        t !== null && t.conversationId === sent.conversationId
          ? {
              ...t,
              messages: [
                ...t.messages,
                { key: `t${state.nextId}`, sender: 'agent' as const, text: sent.text, timestamp: frame.timestamp, agentName: state.me?.name ?? null },
              ],
            }
          : t;
      return { ...state, transcript: shown, pending: withoutKey(state.pending, id), nextId: state.nextId + 1 };
    }
    case 'error': {
      const id = frame.clientMessageId ?? null;
      const pending = id === null ? state.pending : withoutKey(state.pending, id);
      return notice({ ...state, pending }, describeError(frame.code, frame.message));
    }
    default:
      return state;
  }
}

/** The shown conversation's entry, or null once it left the queue (handed back or closed). */
export function selectedEntry(state: ConsoleState): QueueEntry | null {
  return state.selected === null ? null : (state.entries.find((e) => e.conversationId === state.selected) ?? null);
}

/** Whether the signed-in staff member holds this entry (and so may reply, hand back or close it). */
export function heldByMe(state: ConsoleState, entry: QueueEntry | null): boolean {
  return entry !== null && entry.status === 'assigned' && state.me !== null && entry.staffId === state.me.id;
}

/** How long an entry has waited by `now`, counting on from the queue's own figure. */
export function waitedSeconds(state: ConsoleState, entry: QueueEntry, now: number): number {
  return entry.waitedSeconds + Math.max(0, Math.floor((now - state.queueAt) / 1000));
}

export function waitedWords(seconds: number): string {
  if (seconds < 60) return 'under a minute';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function priorityWords(priority: string): string {
  switch (priority) {
    case 'dedicated':
      return 'Dedicated';
    case 'priority':
      return 'Priority';
    case 'standard':
      return 'Standard';
    default:
      return priority;
  }
}
