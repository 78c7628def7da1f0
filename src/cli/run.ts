/**
 * The `paddle-rmsprop` command line: `train` (src/cli/train.ts), `--help`, `--version`.
 * `runCli(argv, io)` resolves with the exit status and never throws.
 */
import { readFileSync } from 'node:fs';
import { MAIN_HELP, PROGRAM } from './args.js';
import { EXIT_OK, EXIT_USAGE, runTrain, type TrainIO } from './train.js';

function version(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return String((pkg as { version?: unknown }).version);
}

export async function runCli(argv: readonly string[], io: TrainIO): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'train':
      return runTrain(rest, io);
    case '-h':
    case '--help':
    case 'help':
      io.stdout.write(MAIN_HELP);
      return EXIT_OK;
    case '--version':
    case '-v':
      io.stdout.write(`${version()}\n`);
      return EXIT_OK;
    case undefined:
      io.stderr.write(`${PROGRAM}: missing command; try '${PROGRAM} train' or '${PROGRAM} --help'\n`);
      return EXIT_USAGE;
    default:
      io.stderr.write(`${PROGRAM}: unknown command '${command}'; try '${PROGRAM} train' or '${PROGRAM} --help'\n`);
      return EXIT_USAGE;
  }
}
