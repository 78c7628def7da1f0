import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TrainIO } from '../../src/cli/train.js';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** A fresh directory under the repository's (git-ignored) tmp/. */
export function tempDir(prefix: string): { dir: string; cleanup(): void } {
  const base = join(REPO, 'tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, `cli-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CapturedIO extends TrainIO {
  out(): string;
  err(): string;
}

/** Captures stdout/stderr; `onLine` sees every stdout chunk (e.g. to abort on a given epoch). */
export function captureIO(options: { tty?: boolean; columns?: number; signal?: AbortSignal; onOut?: (chunk: string) => void } = {}): CapturedIO {
  let out = '';
  let err = '';
  return {
    stdout: {
      write: (chunk: string) => {
        out += chunk;
        options.onOut?.(chunk);
        return true;
      },
      isTTY: options.tty ?? false,
      columns: options.columns ?? 100,
    },
    stderr: {
      write: (chunk: string) => {
        err += chunk;
        return true;
      },
    },
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
    out: () => out,
    err: () => err,
  };
}
