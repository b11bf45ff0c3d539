// HTTP calls of the self-hosted server, and the WebSocket address.

import {
  parseCustomerList,
  parseServiceLevelList,
  type CustomerSummary,
  type ServiceLevel,
} from './protocol';
import type { Auth } from './storage';

/** Optional build-time settings for a deployment where the API lives elsewhere (AWS). */
const API_BASE = (import.meta.env['VITE_SERVICEBOT_API_BASE'] as string | undefined) ?? '';
const WS_URL = import.meta.env['VITE_SERVICEBOT_WS_URL'] as string | undefined;

export type CustomersResult =
  | { kind: 'ok'; customers: CustomerSummary[] }
  | { kind: 'disabled' } // 404: demo sign-in is off
  | { kind: 'failed'; status: number | null; error: string }; // status: the HTTP status; null: no answer (error says why)

export async function fetchCustomers(signal?: AbortSignal): Promise<CustomersResult> {
  try {
    const res = await fetch(`${API_BASE}/api/customers`, { signal: signal ?? null, headers: { accept: 'application/json' } });
    if (res.status === 404) return { kind: 'disabled' };
    if (!res.ok) return { kind: 'failed', status: res.status, error: `the server answered ${res.status}` };
    return { kind: 'ok', customers: parseCustomerList(await res.json()) };
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    return { kind: 'failed', status: null, error: e instanceof Error ? e.message : String(e) };
  }
}

export async function fetchServiceLevels(signal?: AbortSignal): Promise<ServiceLevel[] | null> {
  try {
    const res = await fetch(`${API_BASE}/api/service-levels`, { signal: signal ?? null, headers: { accept: 'application/json' } });
    if (!res.ok) return null;
    return parseServiceLevelList(await res.json());
  } catch {
    return null;
  }
}

/** `ws(s)://<this host>/ws?customerId=...`, `?staffId=...` or `?token=...`. */
export function socketUrl(auth: Auth, location: { protocol: string; host: string } = window.location): string {
  const base = WS_URL ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
  const query =
    auth.kind === 'demo'
      ? `customerId=${encodeURIComponent(auth.customerId)}`
      : auth.kind === 'staff'
        ? `staffId=${encodeURIComponent(auth.staffId)}`
        : `token=${encodeURIComponent(auth.token)}`;
  return `${base}${base.includes('?') ? '&' : '?'}${query}`;
}
