// Binds a support console's socket to the console reducer for React: connects (reconnecting with back-off), asks for
// the queue on every connection, and sends the staff member's steps.

import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { socketUrl } from './api';
import { backoffDelay } from './backoff';
import type { ConnectionStatus } from './client';
import { consoleReducer, initialConsoleState, type ConsoleState } from './console';
import { MESSAGE_MAX_LENGTH, parseServerFrame, parseUpgradeDemandFrame, serializeClientFrame, type StaffFrame } from './protocol';
import type { Auth } from './storage';

export interface SupportConsole {
  state: ConsoleState;
  status: ConnectionStatus;
  open: (conversationId: string) => void;
  take: (conversationId: string) => void;
  reply: (conversationId: string, text: string) => boolean;
  handBack: (conversationId: string) => void;
  close: (conversationId: string) => void;
  dismissNotice: (id: number) => void;
  /** Asks for the upgrade demand report of the last `days` days again. */
  refreshDemand: (days?: number) => void;
}

/** The days the console's upgrade demand charts cover. */
export const DEMAND_DAYS = 30;

export function useConsole(auth: Auth): SupportConsole {
  const [state, dispatch] = useReducer(consoleReducer, undefined, initialConsoleState);
  const [status, setStatus] = useState<ConnectionStatus>({ phase: 'connecting', failures: 0, retryAt: null, everOpened: false });
  const socketRef = useRef<WebSocket | null>(null);
  const selectedRef = useRef<string | null>(null);
  selectedRef.current = state.selected;

  useEffect(() => {
    let stopped = false;
    let failures = 0;
    let everOpened = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const connect = () => {
      setStatus({ phase: 'connecting', failures, retryAt: null, everOpened });
      const socket = new WebSocket(socketUrl(auth));
      socketRef.current = socket;
      socket.onopen = () => {
        failures = 0;
        everOpened = true;
        setStatus({ phase: 'open', failures: 0, retryAt: null, everOpened: true });
        socket.send(serializeClientFrame({ action: 'getQueue' }));
        socket.send(serializeClientFrame({ action: 'getUpgradeDemand', days: DEMAND_DAYS }));
        // After a reconnect the shown transcript may have moved on: read it again.
        const shown = selectedRef.current;
        if (shown !== null) socket.send(serializeClientFrame({ action: 'getTranscript', conversationId: shown }));
      };
      socket.onmessage = (ev) => {
        const parsed = parseServerFrame(ev.data);
        if (parsed.ok) {
          dispatch({ type: 'frame', frame: parsed.frame, now: Date.now() });
          return;
        }
        // The staff-only report is not a customer frame: read it on its own.
        const demand = typeof ev.data === 'string' ? parseUpgradeDemandJson(ev.data) : null;
        if (demand !== null) dispatch({ type: 'demand', report: demand });
      };
      socket.onclose = () => {
        if (socketRef.current === socket) socketRef.current = null;
        if (stopped) return;
        const delay = backoffDelay(failures++);
        setStatus({ phase: 'waiting', failures, retryAt: Date.now() + delay, everOpened });
        timer = setTimeout(connect, delay);
      };
    };
    connect();
    return () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      socketRef.current?.close(1000, 'signed out');
    };
  }, [auth]);

  const send = useCallback((frame: StaffFrame): boolean => {
    const socket = socketRef.current;
    if (socket === null || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(serializeClientFrame(frame));
    return true;
  }, []);

  const open = useCallback(
    (conversationId: string) => {
      dispatch({ type: 'select', conversationId });
      send({ action: 'getTranscript', conversationId });
    },
    [send],
  );
  const take = useCallback((conversationId: string) => void send({ action: 'takeConversation', conversationId }), [send]);
  const reply = useCallback(
    (conversationId: string, text: string) => {
      const message = text.trim();
      if (message === '' || message.length > MESSAGE_MAX_LENGTH) return false;
      const clientMessageId = `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      if (!send({ action: 'sendAgentMessage', conversationId, message, clientMessageId })) return false;
      dispatch({ type: 'replying', clientMessageId, conversationId, text: message });
      return true;
    },
    [send],
  );
  const handBack = useCallback((conversationId: string) => void send({ action: 'handBack', conversationId }), [send]);
  const close = useCallback((conversationId: string) => void send({ action: 'closeConversation', conversationId }), [send]);
  const dismissNotice = useCallback((id: number) => dispatch({ type: 'dismissNotice', id }), []);
  const refreshDemand = useCallback((days: number = DEMAND_DAYS) => void send({ action: 'getUpgradeDemand', days }), [send]);

  return { state, status, open, take, reply, handBack, close, dismissNotice, refreshDemand };
}

function parseUpgradeDemandJson(text: string) {
  try {
    const parsed = parseUpgradeDemandFrame(JSON.parse(text));
    return parsed.ok ? parsed.frame : null;
  } catch {
    return null;
  }
}
