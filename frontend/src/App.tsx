import { useCallback, useState } from 'react';
import { ChatPage } from './components/ChatPage';
import { SignIn } from './components/SignIn';
import { loadSession, saveSession, type Auth, type SavedSession } from './storage';

export function App() {
  const [session, setSession] = useState<SavedSession | null>(() => loadSession());

  const signIn = useCallback((auth: Auth) => {
    const s: SavedSession = { auth, conversationId: null, outbox: { items: [], done: [] } };
    saveSession(s);
    setSession(s);
  }, []);

  const signOut = useCallback(() => {
    saveSession(null);
    setSession(null);
  }, []);

  if (session === null) return <SignIn onSignIn={signIn} />;
  return <ChatPage session={session} onSignOut={signOut} />;
}
