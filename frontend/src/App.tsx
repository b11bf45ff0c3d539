import { useCallback, useEffect, useState } from 'react';
import { ChatPage } from './components/ChatPage';
import { SignIn } from './components/SignIn';
import { SupportConsole } from './components/SupportConsole';
import { browserLanguage, LanguageProvider, type Language } from './i18n';
import { isStaff, loadSession, saveSession, type Auth, type SavedSession } from './storage';

export function App() {
  const [session, setSession] = useState<SavedSession | null>(() => loadSession());
  // The customer's page speaks the browser's preferred language (English, Spanish or German); the console is English.
  const [language] = useState<Language>(() => browserLanguage());
  const staff = session !== null && isStaff(session.auth);

  useEffect(() => {
    document.documentElement.lang = staff ? 'en' : language;
  }, [staff, language]);

  const signIn = useCallback((auth: Auth) => {
    const s: SavedSession = { auth, conversationId: null, outbox: { items: [], done: [] } };
    saveSession(s);
    setSession(s);
  }, []);

  const signOut = useCallback(() => {
    saveSession(null);
    setSession(null);
  }, []);

  // Support staff get the console, never the customer chat (the server keeps the two roles apart as well).
  if (session !== null && isStaff(session.auth)) return <SupportConsole auth={session.auth} onSignOut={signOut} />;
  return (
    <LanguageProvider value={language}>
      {session === null ? <SignIn onSignIn={signIn} /> : <ChatPage session={session} onSignOut={signOut} />}
    </LanguageProvider>
  );
}
