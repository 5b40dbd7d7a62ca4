import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { build as prettyStream } from 'pino-pretty';
import type { AppConfig, LogLevel } from '../config/app-config.js';
import { safeError, SECRET_SERIALIZERS, withoutSecrets, withoutValues } from '../common/log-safety.js';

const PINO_LEVEL: Record<LogLevel, string> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/** What a development line shows in its own place, or not at all. */
const NOT_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'service']);

/**
 * The one logger of the process: JSON lines in production, readable lines in development, one line
 * per entry either way. `destination` is where the lines go instead of standard output.
 */
export function createRootLogger(config: Pick<AppConfig, 'logLevel' | 'logFormat'>, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level: PINO_LEVEL[config.logLevel],
    base: { service: 'workspaces-service' },
    // Secrets are taken out of each line by a formatter that copies nothing when there are none (pino's
    // `redact` parsed each of its paths again for every field of every line: a fifth of a read's
    // allocations), and out of a child logger's bindings by serializers of those keys.
    formatters: { log: withoutSecrets },
    serializers: { ...SECRET_SERIALIZERS, err: safeError },
  };
  // Written synchronously: lines reach the output in the order they were logged, also at exit.
  if (config.logFormat === 'pretty') {
    return pino(
      options,
      prettyStream({
        translateTime: 'SYS:HH:MM:ss.l',
        // The entry's fields follow its message on the same line, errors included (stack escaped).
        hideObject: true,
        messageFormat: (log, messageKey) => {
          const fields = Object.fromEntries(Object.entries(log).filter(([key]) => !NOT_FIELDS.has(key) && key !== messageKey));
          const message = typeof log[messageKey] === 'string' ? log[messageKey] : '';
          return Object.keys(fields).length > 0 ? `${message} ${JSON.stringify(fields)}` : message;
        },
        sync: true,
        colorize: destination ? false : undefined,
        destination: destination ?? 1,
      }),
    );
  }
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
