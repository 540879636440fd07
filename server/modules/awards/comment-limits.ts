/*
 * How fast one address may comment, across all nominations: a burst limit with
 * rate-limiter-flexible's in-memory store, one per database (so each test database starts afresh).
 * It is per process; the limit that must hold across processes, comments per address on one
 * posting, is counted in the database itself (posting.ts). Many citizens can share an address
 * (a mobile operator's NAT): the numbers leave them room, and spam that gets through is hidden by
 * the committee without closing the posting.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '../../db/client';
import { TooManyRequestsError } from '../../errors';

export const COMMENT_BURST = { points: 20, windowSeconds: 10 * 60 };

const limiters = new WeakMap<Db, RateLimiterMemory>();

/** Counts one comment from `ip`; refuses it once the address has used up its burst. */
export async function consumeCommentAllowance(db: Db, ip: string | null): Promise<void> {
  if (!ip) return;
  let limiter = limiters.get(db);
  if (!limiter) {
    limiter = new RateLimiterMemory({ keyPrefix: 'award_comment', points: COMMENT_BURST.points, duration: COMMENT_BURST.windowSeconds });
    limiters.set(db, limiter);
  }
  try {
    await limiter.consume(ip);
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
    throw new TooManyRequestsError(`Bạn gửi ý kiến quá nhanh. Vui lòng thử lại sau ${Math.ceil(seconds / 60)} phút.`, seconds);
  }
}
