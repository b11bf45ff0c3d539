// Reconnect delays: exponential back-off with jitter, capped.

export interface BackoffOptions {
  /** Delay before the first retry. */
  initialMs: number;
  /** The delay never grows past this. */
  maxMs: number;
  factor: number;
  /** 0..1: the delay is spread by this fraction either way, so many clients do not retry in step. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000, factor: 2, jitter: 0.2 };

/** The delay before retry number `attempt` (0 = the first retry after a loss). */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const n = Math.max(0, Math.floor(attempt));
  const raw = Math.min(options.maxMs, options.initialMs * Math.pow(options.factor, Math.min(n, 30)));
  const spread = raw * options.jitter * (2 * random() - 1);
  return Math.round(Math.max(0, Math.min(options.maxMs, raw + spread)));
}
