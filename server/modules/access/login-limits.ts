/*
 * Login rate limiting with rate-limiter-flexible's in-memory store: failed sign-ins are counted per
 * account (username, whether or not it exists, so the limit reveals nothing) and per client IP.
 * The memory store is right for the single process this app runs as; several processes behind a
 * load balancer would each count on their own and need a shared store (RateLimiterPostgres or
 * Redis) instead.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyRequestsError } from '../../errors';

export interface LoginLimitOptions {
  /** Failed attempts allowed per account within `windowSeconds`, then blocked for `blockSeconds`. */
  perAccount: number;
  /** Failed attempts allowed per IP within `windowSeconds`, then blocked for `blockSeconds`. */
  perIp: number;
  windowSeconds: number;
  blockSeconds: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimitOptions = { perAccount: 5, perIp: 30, windowSeconds: 15 * 60, blockSeconds: 15 * 60 };

export class LoginLimiter {
  private readonly account: RateLimiterMemory;
  private readonly ip: RateLimiterMemory;

  constructor(options: LoginLimitOptions = DEFAULT_LOGIN_LIMITS) {
    const common = { duration: options.windowSeconds, blockDuration: options.blockSeconds };
    this.account = new RateLimiterMemory({ ...common, keyPrefix: 'login_account', points: options.perAccount });
    this.ip = new RateLimiterMemory({ ...common, keyPrefix: 'login_ip', points: options.perIp });
  }

  /** Refuses the attempt when the account or the IP has used up its failures. */
  async check(username: string, ip: string): Promise<void> {
    const [byAccount, byIp] = await Promise.all([this.account.get(username), this.ip.get(ip)]);
    const blocked = [
      [byAccount, this.account.points],
      [byIp, this.ip.points],
    ].filter(([res, points]) => res instanceof RateLimiterRes && res.consumedPoints >= (points as number));
    if (blocked.length === 0) return;
    const ms = Math.max(...blocked.map(([res]) => (res as RateLimiterRes).msBeforeNext));
    const seconds = Math.max(1, Math.ceil(ms / 1000));
    throw new TooManyRequestsError(
      `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(seconds / 60)} phút.`, seconds);
  }

  async failed(username: string, ip: string): Promise<void> {
    // consume() rejects with a RateLimiterRes once the points are used up: that is the block itself.
    await Promise.allSettled([this.account.consume(username), this.ip.consume(ip)]);
  }

  async succeeded(username: string): Promise<void> {
    await this.account.delete(username);
  }
}
