/** The package's entry points as a consumer reaches them by name (issue 15: the require message). */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'paddle-entry-'));
mkdirSync(join(dir, 'node_modules'));
symlinkSync(root, join(dir, 'node_modules', 'paddle-rmsprop'), 'dir');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('require() of the ESM-only package', () => {
  it('says to use import(), instead of ERR_PACKAGE_PATH_NOT_EXPORTED', () => {
    const out = execFileSync(process.execPath, ['-e', "try { require('paddle-rmsprop') } catch (e) { process.stdout.write(e.message) }"], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(out).toMatch(/^paddle-rmsprop is ESM only: load it with `import \* as paddle from 'paddle-rmsprop'`/);
    expect(out).toContain("await import('paddle-rmsprop')");
  });
});
