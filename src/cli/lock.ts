/**
 * One trainer per `--out`: the lock file `out/.lock` holds `{"pid", "host", "started"}` of its
 * owner as one JSON line.
 *
 * - It is created complete or not at all: the line is written to `.lock.tmp-<pid>` and hard-linked
 *   to `.lock`, which fails with EEXIST when another trainer holds it.
 * - A held lock whose owner is alive (same host, `process.kill(pid, 0)` does not say ESRCH) stops
 *   the second trainer with a UsageError naming the owner (status 2). A lock of another host
 *   counts as alive (its pid cannot be checked from here).
 * - A stale lock (dead pid, or this process's own pid from an earlier life, e.g. a restarted
 *   container) is taken over: renamed aside, checked to be the lock that was judged stale (not
 *   one a third trainer just took), removed, and the link retried.
 * - `release()` removes it if it is still ours; a process exit (`process.exit`, the second Ctrl-C)
 *   removes it too. A SIGKILL leaves it behind, stale, for the next trainer to take over.
 */
import { linkSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UsageError } from './args.js';

export const LOCK_FILE = '.lock';

export interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

export interface Lock {
  readonly path: string;
  readonly info: LockInfo;
  /** The stale lock this one replaced, if any. */
  readonly tookOver: LockInfo | null;
  /** Throws unless `.lock` is still this process's (checked before every commit). */
  check(): void;
  /** Removes the lock if it is still ours; idempotent. */
  release(): void;
}

const errCode = (e: unknown): string | undefined => (typeof e === 'object' && e !== null ? (e as { code?: string }).code : undefined);

/** Whether `pid` runs on this machine: signal 0 checks without sending (EPERM: exists, not ours). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errCode(e) === 'EPERM';
  }
}

function parse(text: string): LockInfo | null {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (typeof v.pid === 'number' && Number.isInteger(v.pid) && typeof v.host === 'string' && typeof v.started === 'string') {
      return { pid: v.pid, host: v.host, started: v.started };
    }
  } catch {
    /* not ours */
  }
  return null;
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if (errCode(e) === 'ENOENT') return null;
    throw e;
  }
}

function inUse(out: string, other: LockInfo | null, path: string): UsageError {
  if (other === null) {
    return new UsageError(`${out} is in use by another trainer (${path} is not a trainer's lock file; remove it if no trainer runs there)`);
  }
  const host = other.host !== hostname() ? ` on ${other.host}` : '';
  return new UsageError(`${out} is in use by another trainer (pid ${other.pid}${host}, started ${other.started})`);
}

/** Takes the lock on `out` (which exists) or throws a UsageError naming the trainer that holds it. */
export function acquireLock(out: string): Lock {
  const path = join(out, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  const text = `${JSON.stringify(info)}\n`;
  const tmp = join(out, `${LOCK_FILE}.tmp-${process.pid}`);
  const aside = join(out, `${LOCK_FILE}.stale.tmp-${process.pid}`);
  let tookOver: LockInfo | null = null;
  try {
    writeFileSync(tmp, text);
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(tmp, path);
        break;
      } catch (e) {
        if (errCode(e) !== 'EEXIST' || attempt >= 10) throw e;
      }
      const held = readOrNull(path);
      if (held === null) continue; // released meanwhile
      const other = parse(held);
      const stale = other !== null && other.host === info.host && (other.pid === process.pid || !pidAlive(other.pid));
      if (!stale) throw inUse(out, other, path);
      // Move the stale lock aside; if what was moved is not what was judged stale, another trainer
      // took it over in between: give it back.
      try {
        renameSync(path, aside);
      } catch (e) {
        if (errCode(e) === 'ENOENT') continue;
        throw e;
      }
      if (readOrNull(aside) !== held) {
        try {
          linkSync(aside, path);
        } catch {
          /* a third trainer holds it now; the next attempt reports it */
        }
      } else {
        tookOver = other;
      }
      rmSync(aside, { force: true });
    }
  } finally {
    rmSync(tmp, { force: true });
  }

  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.removeListener('exit', release);
    try {
      if (readOrNull(path) === text) unlinkSync(path);
    } catch {
      /* nothing more to do on the way out */
    }
  };
  process.on('exit', release);
  return {
    path,
    info,
    tookOver,
    check(): void {
      const now = held ? readOrNull(path) : null;
      if (now !== text) {
        const other = now !== null ? parse(now) : null;
        throw new Error(`lost the lock on ${out}: ${path} ${other !== null ? `now belongs to pid ${other.pid}` : 'was removed'}`);
      }
    },
    release,
  };
}
