import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { AppConfig, LogLevel } from '../config/app-config.js';
import { safeError, withoutValues } from '../common/log-safety.js';

const PINO_LEVEL: Record<LogLevel, string> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/** Never written to a log, wherever they appear in a logged object. */
const REDACTED = [
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'headers.authorization',
  'tokenString',
  '*.tokenString',
  'accessToken',
  '*.accessToken',
  'secret',
  '*.secret',
  'password',
  '*.password',
];

/**
 * The one logger of the process: JSON lines in production, readable lines in development.
 * `destination` (JSON only) is where the lines go instead of standard output.
 */
export function createRootLogger(config: Pick<AppConfig, 'logLevel' | 'logFormat'>, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level: PINO_LEVEL[config.logLevel],
    base: { service: 'workspaces-service' },
    redact: { paths: REDACTED, censor: '[redacted]' },
    serializers: { err: safeError },
    transport:
      config.logFormat === 'pretty'
        ? { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' } }
        : undefined,
  };
  if (config.logFormat === 'pretty') return pino(options);
  // Written synchronously: lines reach the output in the order they were logged, also at exit.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}

/** Nest's logger on top of pino, so that framework messages are the same JSON lines. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    // Nest passes (message, stack?, context?).
    const [stack, context] = params.length >= 2 ? params : [undefined, params[0]];
    this.logger.error({ context, stack: typeof stack === 'string' ? withoutValues(stack) : stack }, withoutValues(String(message)));
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, params: unknown[]): void {
    const context = typeof params.at(-1) === 'string' ? params.at(-1) : undefined;
    if (typeof message === 'object' && message !== null) this.logger[level]({ context, ...message });
    else this.logger[level]({ context }, String(message));
  }
}
