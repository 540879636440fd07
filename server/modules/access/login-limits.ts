/*
 * Sign-in limits, after rate-limiter-flexible's "Login endpoint protection" pattern:
 *
 * - failures in a row per username AND address (`limiterConsecutiveFailsByUsernameAndIP`): after
 *   `perAccountAndIp` of them that pair waits `blockSeconds`; a success starts the count again;
 * - failures per address per day (`limiterSlowBruteByIP`), whatever the usernames: one address
 *   trying many accounts waits a day;
 * - failures per username per day from all addresses together, a much higher threshold
 *   (`perAccountPerDay`) against guessing from many addresses. Past it, only addresses that signed
 *   in to the account before (remembered 20 days) still get through, so this limit never locks the
 *   user out of a device they already use. No limit is keyed by the username alone at a low
 *   threshold: usernames are guessable (`<xã>.chutich`), and such a limit would let anyone lock
 *   anyone out from anywhere; five wrong passwords from address A do not stop the right one from B.
 *
 * Each attempt takes its points BEFORE the password is verified (consume is atomic in every store),
 * and a success gives them back: a hundred concurrent guesses cannot all pass a check that is only
 * counted once each argon2 verification is done. A refused attempt answers HTTP 429 with Retry-After.
 *
 * Where the counts live: on PostgreSQL, in the table `login_limits` through rate-limiter-flexible's
 * Drizzle store on our own client (atomic upserts), so every process (WORKERS=n) and every server
 * on the database share one count; on the embedded PGlite database (one process) in memory.
 */
import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { type Db, rawRunnerOf } from '../../db/client';
import { TooManyRequestsError } from '../../errors';
import { loginLimits } from './schema';

export interface LoginLimitOptions {
  /** Failed sign-ins in a row allowed for one username from one address; then that pair waits `blockSeconds`. */
  perAccountAndIp: number;
  /** How long the failures in a row of one username and address are counted (from the first one). */
  windowSeconds: number;
  blockSeconds: number;
  /** Failed sign-ins allowed per address per day, whatever the usernames; then the address waits a day. */
  perIpPerDay: number;
  /**
   * Failed sign-ins allowed per username per day from all addresses together; past it only
   * addresses that signed in to that account before get through, until the day is over.
   */
  perAccountPerDay: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimitOptions = {
  perAccountAndIp: 5, windowSeconds: 15 * 60, blockSeconds: 15 * 60, perIpPerDay: 100, perAccountPerDay: 300,
};

const DAY = 24 * 3600;
/**
 * How long an address that signed in stays known (from its last success). At most 24 days: the
 * memory store expires keys with setTimeout, which cannot wait longer (2^31 ms).
 */
const KNOWN_ADDRESS_SECONDS = 20 * DAY;

interface Limiters {
  pair: RateLimiterAbstract;
  ip: RateLimiterAbstract;
  account: RateLimiterAbstract;
  /** Username and address pairs that signed in successfully. */
  known: RateLimiterAbstract;
}

function makeLimiters(options: LoginLimitOptions, db: Db | undefined): Limiters {
  // rawRunnerOf answers for a database on postgres.js only: PGlite is one process, memory is enough.
  const shared = db !== undefined && rawRunnerOf(db) !== undefined;
  const make = (keyPrefix: string, points: number, duration: number, blockDuration: number) => shared
    // Expired rows are dropped by each sign-in (queries.ts pruneLoginLimits), not by the store's own
    // timer, which would keep every limiter (and its database) alive for good.
    ? new RateLimiterDrizzle({ storeClient: db, schema: loginLimits, keyPrefix, points, duration, blockDuration,
      clearExpiredByTimeout: false })
    : new RateLimiterMemory({ keyPrefix, points, duration, blockDuration });
  return {
    pair: make('login_fail_username_ip', options.perAccountAndIp, options.windowSeconds, options.blockSeconds),
    ip: make('login_fail_ip_day', options.perIpPerDay, DAY, DAY),
    account: make('login_fail_username_day', options.perAccountPerDay, DAY, 0),
    known: make('login_known_username_ip', 1, KNOWN_ADDRESS_SECONDS, 0),
  };
}

/** The limiters' rejections are RateLimiterRes; anything else is the store failing. */
function refusal(reason: unknown): RateLimiterRes {
  if (reason instanceof RateLimiterRes) return reason;
  throw reason;
}

function tooMany(ms: number): TooManyRequestsError {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const minutes = Math.ceil(seconds / 60);
  const wait = minutes <= 90 ? `${minutes} phút` : `${Math.ceil(minutes / 60)} giờ`;
  return new TooManyRequestsError(`Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${wait}.`, seconds);
}

export class LoginLimiter {
  private readonly limiters: Promise<Limiters>;

  /** `db`: the database (or its promise, while it opens) whose store to share; none: memory. */
  constructor(options: LoginLimitOptions = DEFAULT_LOGIN_LIMITS, db?: Db | Promise<Db>) {
    this.limiters = Promise.resolve(db).then((opened) => makeLimiters(options, opened));
    this.limiters.catch(() => {}); // a database that fails to open is reported where it is opened
  }

  /**
   * Takes one attempt's points before the password is verified; throws TOO_MANY_REQUESTS when the
   * username from this address, or this address, or (from a new address) the username has used up
   * its failures. Call `succeeded` when the password was right: a failure keeps its points.
   */
  async attempt(username: string, ip: string): Promise<void> {
    const l = await this.limiters;
    const pairKey = JSON.stringify([username, ip]);
    const results = await Promise.allSettled([l.pair.consume(pairKey), l.ip.consume(ip)]);
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [refusal(r.reason)] : []));
    if (refused.length > 0) throw tooMany(Math.max(...refused.map((r) => r.msBeforeNext)));
    try {
      await l.account.consume(username);
    } catch (reason) {
      const res = refusal(reason);
      if (!(await l.known.get(pairKey))) throw tooMany(res.msBeforeNext);
    }
  }

  /** The password was right: the failures in a row start again, the attempt's points come back, the address is remembered. */
  async succeeded(username: string, ip: string): Promise<void> {
    const l = await this.limiters;
    const pairKey = JSON.stringify([username, ip]);
    await Promise.all([l.pair.delete(pairKey), l.ip.reward(ip, 1), l.account.reward(username, 1),
      l.known.set(pairKey, 1, KNOWN_ADDRESS_SECONDS)]);
  }
}
