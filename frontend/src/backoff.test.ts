import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';

describe('backoffDelay', () => {
  const mid = () => 0.5; // no jitter
  it('doubles from the initial delay up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => backoffDelay(n, DEFAULT_BACKOFF, mid))).toEqual([
      500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000,
    ]);
  });
  it('spreads each delay by the jitter fraction and never passes the cap', () => {
    for (let n = 0; n < 12; n++) {
      const base = Math.min(30000, 500 * 2 ** n);
      const lo = backoffDelay(n, DEFAULT_BACKOFF, () => 0);
      const hi = backoffDelay(n, DEFAULT_BACKOFF, () => 0.999999);
      expect(lo).toBeGreaterThanOrEqual(Math.round(base * 0.8));
      expect(hi).toBeLessThanOrEqual(Math.min(30000, Math.round(base * 1.2)));
    }
  });
  it('treats odd attempts sanely', () => {
    expect(backoffDelay(-3, DEFAULT_BACKOFF, mid)).toBe(500);
    expect(backoffDelay(1e9, DEFAULT_BACKOFF, mid)).toBe(30000);
  });
});
