import { Injectable } from '@nestjs/common';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config.js';
import { TooManyFailedAuthentications } from './auth.errors.js';

/**
 * Bounds what a flood of bad credentials costs: a client (by address) that failed to authenticate
 * AUTH_FAILURE_LIMIT times within AUTH_FAILURE_WINDOW_SECONDS is refused with 429 before any credential
 * is checked, until the window ends. Counted per replica, in memory.
 */
@Injectable()
export class AuthenticationFailureLimiter {
  private readonly limiter?: RateLimiterMemory;

  constructor(config: AppConfig) {
    if (config.authFailureLimit > 0) {
      this.limiter = new RateLimiterMemory({ points: config.authFailureLimit, duration: config.authFailureWindowSeconds });
    }
  }

  /** Throws TooManyFailedAuthentications while the client has no failures left. */
  async check(client: string): Promise<void> {
    if (!this.limiter) return;
    const state = await this.limiter.get(client);
    if (state && state.consumedPoints >= this.limiter.points) {
      throw new TooManyFailedAuthentications(Math.max(1, Math.ceil(state.msBeforeNext / 1000)));
    }
  }

  async failed(client: string): Promise<void> {
    await this.limiter?.penalty(client, 1);
  }
}
