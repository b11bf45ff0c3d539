// What survives a reload: the sign-in and the conversation (sessionStorage, this tab only),
// the last chosen customer and the colour mode (localStorage).

import type { OutboxItem, OutboxSnapshot } from './outbox';

/** A customer (demo or token), or a support staff member on the console (demo staff id or a staff token). */
export type Auth =
  | { kind: 'demo'; customerId: string }
  | { kind: 'token'; token: string }
  | { kind: 'staff'; staffId: string }
  | { kind: 'staffToken'; token: string };

export function isStaff(auth: Auth): boolean {
  return auth.kind === 'staff' || auth.kind === 'staffToken';
}

export interface SavedSession {
  auth: Auth;
  conversationId: string | null;
  outbox: OutboxSnapshot;
}

const SESSION_KEY = 'servicebot.session';
const LAST_CUSTOMER_KEY = 'servicebot.lastCustomer';
const COLOR_MODE_KEY = 'servicebot.colorMode';

function store(kind: 'session' | 'local'): Storage | null {
  try {
    return kind === 'session' ? globalThis.sessionStorage ?? null : globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled
  }
}

function read(kind: 'session' | 'local', key: string): string | null {
  try {
    return store(kind)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(kind: 'session' | 'local', key: string, value: string | null): void {
  try {
    const s = store(kind);
    if (!s) return;
    if (value === null) s.removeItem(key);
    else s.setItem(key, value);
  } catch {
    // full or disabled: the page still works, a reload just forgets
  }
}

function isItem(v: unknown): v is OutboxItem {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o['clientMessageId'] === 'string' &&
    typeof o['message'] === 'string' &&
    (o['state'] === 'pending' || o['state'] === 'inflight' || o['state'] === 'failed')
  );
}

/** Reads a saved session; anything malformed reads as none. */
export function parseSession(raw: string | null): SavedSession | null {
  if (raw === null) return null;
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    const a = v['auth'] as Record<string, unknown> | undefined;
    let auth: Auth;
    if (a?.['kind'] === 'demo' && typeof a['customerId'] === 'string' && a['customerId'] !== '') {
      auth = { kind: 'demo', customerId: a['customerId'] };
    } else if (a?.['kind'] === 'token' && typeof a['token'] === 'string' && a['token'] !== '') {
      auth = { kind: 'token', token: a['token'] };
    } else if (a?.['kind'] === 'staff' && typeof a['staffId'] === 'string' && a['staffId'] !== '') {
      auth = { kind: 'staff', staffId: a['staffId'] };
    } else if (a?.['kind'] === 'staffToken' && typeof a['token'] === 'string' && a['token'] !== '') {
      auth = { kind: 'staffToken', token: a['token'] };
    } else {
      return null;
    }
    const conversationId = typeof v['conversationId'] === 'string' ? v['conversationId'] : null;
    const o = (v['outbox'] ?? {}) as Record<string, unknown>;
    const items = Array.isArray(o['items']) ? o['items'].filter(isItem) : [];
    const done = Array.isArray(o['done']) ? o['done'].filter((d): d is string => typeof d === 'string') : [];
    return { auth, conversationId, outbox: { items, done } };
  } catch {
    return null;
  }
}

export function loadSession(): SavedSession | null {
  return parseSession(read('session', SESSION_KEY));
}

export function saveSession(session: SavedSession | null): void {
  write('session', SESSION_KEY, session === null ? null : JSON.stringify(session));
}

export function loadLastCustomer(): string | null {
  return read('local', LAST_CUSTOMER_KEY);
}

export function saveLastCustomer(id: string): void {
  write('local', LAST_CUSTOMER_KEY, id);
}

export type ColorMode = 'light' | 'dark';

export function loadColorMode(): ColorMode | null {
  const v = read('local', COLOR_MODE_KEY);
  return v === 'light' || v === 'dark' ? v : null;
}

export function saveColorMode(mode: ColorMode): void {
  write('local', COLOR_MODE_KEY, mode);
}
