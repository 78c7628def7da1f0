/**
 * The library's single output point, for output the user asked for (e.g. a scheduler's
 * `verbose: true`, which prints Paddle's line). Library code never uses `console`.
 * By default lines go to `process.stdout` where it exists (Node) and nowhere otherwise;
 * `setLogSink` redirects them (a browser app can pass `(l) => console.log(l)`).
 */
export type LogSink = (line: string) => void;

interface MaybeProcess {
  process?: { stdout?: { write(chunk: string): unknown } };
}

const defaultSink: LogSink = (line) => {
  const stdout = (globalThis as MaybeProcess).process?.stdout;
  if (stdout !== undefined) stdout.write(`${line}\n`);
};

let sink: LogSink = defaultSink;

export function log(line: string): void {
  sink(line);
}

/**
 * Replaces the sink; returns the previous one. `null` restores the default.
 * @param next - The function that receives each line (without a newline), or null for the default (`process.stdout` in Node, nowhere elsewhere).
 * @returns The sink that was in use (pass it back to restore it).
 */
export function setLogSink(next: LogSink | null): LogSink {
  const prev = sink;
  sink = next ?? defaultSink;
  return prev;
}
