/**
 * The published declarations (dist/*.d.ts) compile in a consumer project with `skipLibCheck:
 * false` and no DOM library, under nodenext and bundler resolution (issue 15: they named the
 * WebAssembly namespace, which only lib.dom declares).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const dir = mkdtempSync(join(tmpdir(), 'paddle-types-'));

beforeAll(() => {
  // npm ci builds dist/ (prepare); build it here when a checkout has not yet
  if (!existsSync(join(root, 'dist', 'index.d.ts'))) execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')]);
  mkdirSync(join(dir, 'node_modules', '@types'), { recursive: true });
  symlinkSync(root, join(dir, 'node_modules', 'paddle-rmsprop'), 'dir');
  symlinkSync(join(root, 'node_modules', '@types', 'node'), join(dir, 'node_modules', '@types', 'node'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(
    join(dir, 'main.ts'),
    [
      "import * as paddle from 'paddle-rmsprop';",
      'const lin = new paddle.nn.Linear(2, 2);',
      'const opt = new paddle.optimizer.RMSProp(0.1, { parameters: lin.parameters() });',
      'opt.step();',
      'const m: number = paddle.memory().bytesInUse;',
      'opt.dispose();',
      'lin.dispose();',
      'export { m };',
      '',
    ].join('\n'),
  );
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function compile(module: string, resolution: string): string {
  const config = {
    compilerOptions: { target: 'ES2022', module, moduleResolution: resolution, lib: ['ES2022'], types: ['node'], strict: true, skipLibCheck: false, noEmit: true },
    files: ['main.ts'],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
  try {
    execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' });
    return '';
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
}

describe('the declarations in a project without the DOM library', () => {
  it('compile under nodenext resolution', () => {
    expect(compile('NodeNext', 'NodeNext')).toBe('');
  }, 60_000);
  it('compile under bundler resolution', () => {
    expect(compile('ESNext', 'Bundler')).toBe('');
  }, 60_000);
});
