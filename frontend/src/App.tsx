import { useCallback, useState } from 'react';
import { ChatPage } from './components/ChatPage';
import { SignIn } from './components/SignIn';
import { SupportConsole } from './components/SupportConsole';
import { isStaff, loadSession, saveSession, type Auth, type SavedSession } from './storage';

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
  // Support staff get the console, never the customer chat (the server keeps the two roles apart as well).
  if (isStaff(session.auth)) return <SupportConsole auth={session.auth} onSignOut={signOut} />;
  return <ChatPage session={session} onSignOut={signOut} />;
}
