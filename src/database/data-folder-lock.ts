import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/** Who holds a data folder: written to `<folder>.lock` beside it. */
interface Holder {
  pid: number;
  host: string;
  /** The process's start time in clock ticks since boot (Linux), so that a reused pid is not mistaken for the holder. */
  started: string | null;
}

/** A lock file younger than this that cannot be read yet is being written by its holder. */
const BEING_WRITTEN_MS = 10_000;

/** Another process holds the embedded database's folder: PGlite is one process's database. */
export class DataFolderInUse extends Error {
  constructor(folder: string, holder: Holder | null) {
    const who = holder ? `process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}` : 'another process';
    super(
      `the embedded database folder ${folder} is in use by ${who} (another npm start or npm run start:dev, or a migration command). ` +
        `Stop it first, or give this one another folder (DATA_DIR) or PostgreSQL (DATABASE_URL)`,
    );
    this.name = 'DataFolderInUse';
  }
}

function startTimeOf(pid: number): string | null {
  try {
    // Field 22 of /proc/<pid>/stat; the command name before it may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function readHolder(lockPath: string): Holder | null {
  try {
    const holder = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string'
      ? { pid: holder.pid, host: holder.host, started: holder.started ?? null }
      : null;
  } catch {
    return null;
  }
}

/** Whether the process that wrote the lock still runs (only a holder on this machine can be checked). */
function holds(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const started = startTimeOf(holder.pid);
  return holder.started === null || started === null || started === holder.started;
}

/**
 * Takes the folder for this process for as long as it runs: `<folder>.lock`, created exclusively,
 * names this process. A lock whose process has ended (killed, crashed) is taken over. Throws
 * DataFolderInUse while another process holds it. The returned function gives the folder back (also
 * done when the process exits).
 */
export function lockDataFolder(folder: string): () => void {
  const lockPath = `${folder}.lock`;
  const me: Holder = { pid: process.pid, host: hostname(), started: startTimeOf(process.pid) };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      try {
        writeSync(fd, JSON.stringify(me));
      } finally {
        closeSync(fd);
      }
      const release = (): void => {
        process.off('exit', release);
        if (readHolder(lockPath)?.pid !== me.pid) return;
        try {
          unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(lockPath);
    if (holder ? holds(holder) : youngerThan(lockPath, BEING_WRITTEN_MS)) throw new DataFolderInUse(folder, holder);
    // The holder has ended. Removed only if it is still that holder's lock (another process may have taken it over just now).
    if (readHolder(lockPath)?.pid !== holder?.pid) continue;
    try {
      unlinkSync(lockPath);
    } catch {
      // another process took it over first: try again
    }
  }
  throw new DataFolderInUse(folder, readHolder(lockPath));
}

function youngerThan(path: string, ms: number): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs < ms;
  } catch {
    return false;
  }
}
