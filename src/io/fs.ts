/**
 * File access for save/load, in Node only. Node's modules are reached without a static import
 * (`import('node:fs/promises')` for the async variants, `process.getBuiltinModule` for the sync
 * ones), so this module, and the package, still load in a browser, where only the bytes
 * variants (`saveBytes` / `loadBytes`) apply.
 *
 * Writes are atomic: the bytes go to a temporary file in the target's directory, are flushed,
 * then renamed over the target. Missing parent directories are created, as `paddle.save` does.
 */
import { RuntimeError, ValueError } from '../errors.js';

interface NodeProcess {
  pid?: number;
  platform?: string;
  getBuiltinModule?: (id: string) => unknown;
}

/** The subset of `node:fs` used here (sync API). */
interface FsSync {
  readFileSync(path: string): Uint8Array;
  statSync(path: string, opts: { throwIfNoEntry: false }): { isDirectory(): boolean } | undefined;
  mkdirSync(path: string, opts: { recursive: true }): unknown;
  openSync(path: string, flags: string): number;
  writeSync(fd: number, data: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
}

/** The subset of `node:fs/promises` used here. */
interface FsPromises {
  readFile(path: string): Promise<Uint8Array>;
  stat(path: string): Promise<{ isDirectory(): boolean }>;
  mkdir(path: string, opts: { recursive: true }): Promise<unknown>;
  open(
    path: string,
    flags: string,
  ): Promise<{ write(data: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>; sync(): Promise<void>; close(): Promise<void> }>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

function nodeProcess(): NodeProcess | undefined {
  return (globalThis as { process?: NodeProcess }).process;
}

function isWindows(): boolean {
  return nodeProcess()?.platform === 'win32';
}

/** Python's `os.path.basename` / `dirname` split (POSIX, plus `\` on Windows). */
export function splitPath(path: string): { dir: string; base: string } {
  const i = isWindows() ? Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) : path.lastIndexOf('/');
  if (i < 0) return { dir: '', base: path };
  let dir = path.slice(0, i + 1);
  // os.path.dirname strips trailing separators unless the directory is the root.
  if (/^[/\\]+$/.test(dir) === false) dir = dir.replace(/[/\\]+$/, '');
  return { dir, base: path.slice(i + 1) };
}

/** Paddle's check of the save path; returns the directory to create ('' for none). */
export function checkSavePath(path: unknown): string {
  if (typeof path !== 'string') {
    throw new ValueError(`only supports saving objects to file paths (a string), but got ${typeof path === 'object' ? (path === null ? 'null' : 'an object') : typeof path}`);
  }
  const { dir, base } = splitPath(path);
  if (base === '') {
    throw new ValueError(
      'The input path MUST be format of dirname/filename [dirname\\filename in Windows system], but received filename is empty string.',
    );
  }
  return dir;
}

function notExists(path: string): ValueError {
  return new ValueError(`The \`\`path\`\` (${path}) to load model not exists.`);
}

function isDirError(path: string): ValueError {
  return new ValueError(
    `The \`\`path\`\` (${path}) is a directory; loading Paddle inference-model directories is not supported, give the full file name (e.g. model.pdparams).`,
  );
}

let tmpCounter = 0;
function tempName(dir: string, base: string): string {
  const pid = nodeProcess()?.pid ?? 0;
  tmpCounter += 1;
  const name = `.${base}.${pid}.${Date.now().toString(36)}.${tmpCounter}.tmp`;
  return dir === '' ? name : `${dir}${/[/\\]$/.test(dir) ? '' : '/'}${name}`;
}

function errCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null ? (e as { code?: string }).code : undefined;
}

function fsSync(): FsSync {
  const get = nodeProcess()?.getBuiltinModule;
  if (typeof get !== 'function') {
    throw new RuntimeError(
      'Synchronous file access needs Node.js >= 20.16 (process.getBuiltinModule); use the async save()/load(), or saveBytes()/loadBytes() in a browser.',
    );
  }
  return get('node:fs') as FsSync;
}

async function fsPromises(): Promise<FsPromises> {
  if (nodeProcess() === undefined) {
    throw new RuntimeError('File paths need Node.js; in a browser use saveBytes()/loadBytes().');
  }
  const id = 'node:fs/promises';
  return (await import(/* @vite-ignore */ id)) as FsPromises;
}

export async function readFileBytes(path: string): Promise<Uint8Array> {
  const fs = await fsPromises();
  try {
    if ((await fs.stat(path)).isDirectory()) throw isDirError(path);
    const b = await fs.readFile(path);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength); // a view, not a copy
  } catch (e) {
    if (errCode(e) === 'ENOENT' || errCode(e) === 'ENOTDIR') throw notExists(path);
    throw e;
  }
}

export function readFileBytesSync(path: string): Uint8Array {
  const fs = fsSync();
  const st = fs.statSync(path, { throwIfNoEntry: false });
  if (st === undefined) throw notExists(path);
  if (st.isDirectory()) throw isDirError(path);
  const b = fs.readFileSync(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  const dir = checkSavePath(path);
  const fs = await fsPromises();
  if (dir !== '') await fs.mkdir(dir, { recursive: true });
  const tmp = tempName(dir, splitPath(path).base);
  const fh = await fs.open(tmp, 'wx');
  try {
    let off = 0;
    while (off < data.length) {
      const { bytesWritten } = await fh.write(data, off, data.length - off);
      off += bytesWritten;
    }
    await fh.sync();
    await fh.close();
    await fs.rename(tmp, path);
  } catch (e) {
    await fh.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    throw e;
  }
}

export function writeFileAtomicSync(path: string, data: Uint8Array): void {
  const dir = checkSavePath(path);
  const fs = fsSync();
  if (dir !== '') fs.mkdirSync(dir, { recursive: true });
  const tmp = tempName(dir, splitPath(path).base);
  const fd = fs.openSync(tmp, 'wx');
  let closed = false;
  try {
    let off = 0;
    while (off < data.length) off += fs.writeSync(fd, data, off, data.length - off);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    closed = true;
    fs.renameSync(tmp, path);
  } catch (e) {
    if (!closed) {
      try {
        fs.closeSync(fd);
      } catch {
        /* already reporting the first error */
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* the temporary file may not exist */
    }
    throw e;
  }
}
