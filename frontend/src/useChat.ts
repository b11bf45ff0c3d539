// Binds the ChatClient (socket, queue, back-off) to the reducer's state for React.

import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { socketUrl } from './api';
import { ChatClient, type ConnectionStatus } from './client';
import { Outbox } from './outbox';
import type { Language } from './i18n';
import { chatReducer, initialChatState, type ChatState } from './state';
import { saveSession, type SavedSession } from './storage';

export interface Chat {
  state: ChatState;
  status: ConnectionStatus;
  send: (text: string) => void;
  retry: (clientMessageId: string) => void;
  reconnectNow: () => void;
  dismissNotice: (id: number) => void;
}

export function useChat(session: SavedSession, language: Language = 'en'): Chat {
  const [state, dispatch] = useReducer(chatReducer, session.conversationId, (id) => initialChatState(id, language));
  const [status, setStatus] = useState<ConnectionStatus>({ phase: 'connecting', failures: 0, retryAt: null, everOpened: false });
  const clientRef = useRef<ChatClient | null>(null);

  useEffect(() => {
    const outbox = new Outbox(session.outbox);
    let client: ChatClient | null = null;
    const persist = () => {
      if (client === null) return;
      saveSession({ auth: session.auth, conversationId: client.conversationId, outbox: client.outbox.snapshot() });
    };
    // Messages written before a reload and not yet acknowledged are shown, and sent again.
    for (const item of outbox.list()) dispatch({ type: 'queued', clientMessageId: item.clientMessageId, text: item.message });

    client = new ChatClient({
      url: socketUrl(session.auth),
      conversationId: session.conversationId,
      outbox,
      onFrame: (frame) => {
        dispatch({ type: 'frame', frame });
        if (frame.type === 'ack' || frame.type === 'message' || frame.type === 'history') persist();
      },
      onBadFrame: (error) => dispatch({ type: 'badFrame', error }),
      onStatus: setStatus,
      onQueued: (clientMessageId, text) => dispatch({ type: 'queued', clientMessageId, text }),
      onSent: (clientMessageId) => dispatch({ type: 'sent', clientMessageId }),
      onRequeued: (clientMessageIds) => dispatch({ type: 'requeued', clientMessageIds }),
      onOutboxChange: persist,
    });
    clientRef.current = client;
    client.start();

    const online = () => client?.reconnectNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      client?.stop();
      clientRef.current = null;
    };
  }, [session]);

  const send = useCallback((text: string) => {
    clientRef.current?.send(text);
  }, []);
  const retry = useCallback((id: string) => {
    const client = clientRef.current;
    if (client === null) return;
    dispatch({ type: 'retrying', clientMessageId: id });
    client.retry(id);
  }, []);
  const reconnectNow = useCallback(() => clientRef.current?.reconnectNow(), []);
  const dismissNotice = useCallback((id: number) => dispatch({ type: 'dismissNotice', id }), []);

  return { state, status, send, retry, reconnectNow, dismissNotice };
}
