#!/usr/bin/env node
/**
 * Entry point of the `paddle-rmsprop` binary. The first Ctrl-C asks training to stop at the next
 * step boundary (checkpoints are only ever complete files); a second one exits at once.
 */
import { runCli } from './run.js';

const controller = new AbortController();
process.on('SIGINT', () => {
  if (controller.signal.aborted) process.exit(130);
  controller.abort();
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
});
