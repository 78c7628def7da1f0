/** Runs an example's `main` when the file is executed directly (`npx tsx examples/<file>.ts`). */
import { pathToFileURL } from 'node:url';

export type Print = (line: string) => void;

// Examples print through the `print` they are given; run directly, that is stdout.
const stdoutPrint: Print = (line) => {
  process.stdout.write(`${line}\n`);
};

export function runIfMain(metaUrl: string, main: (print: Print) => void): void {
  const entry = process.argv[1];
  if (entry !== undefined && metaUrl === pathToFileURL(entry).href) main(stdoutPrint);
}
