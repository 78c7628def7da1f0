import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseTrainArgs, UsageError } from '../../src/cli/args.js';
import { runCli } from '../../src/cli/run.js';
import { runTrain } from '../../src/cli/train.js';
import { captureIO } from './helpers.js';
import { expectError } from '../helpers/errors.js';

describe('train flags', () => {
  it('defaults, and every flag parsed into the config', () => {
    const none = parseTrainArgs([]);
    expect(none?.config).toEqual(DEFAULT_CONFIG);
    expect(none?.out).toBe('out');
    expect(none?.resume).toBe(false);
    expect([...(none?.explicit ?? [])]).toEqual([]);

    const all = parseTrainArgs([
      '--epochs', '3', '--batch-size', '32', '--lr', '1e-3', '--rho', '0.9', '--momentum', '0.5', '--centered',
      '--weight-decay', '0.0001', '--clip-norm', '0', '--scheduler', 'onecycle', '--seed', '7', '--limit', '100',
      '--out', 'somewhere', '--resume',
    ]);
    expect(all?.config).toEqual({
      model: 'mlp', epochs: 3, batchSize: 32, lr: 1e-3, rho: 0.9, momentum: 0.5, centered: true, weightDecay: 0.0001,
      clipNorm: 0, scheduler: 'onecycle', seed: 7, limit: 100,
    });
    expect(all?.out).toBe('somewhere');
    expect(all?.resume).toBe(true);
    expect(all?.explicit.size).toBe(11);
    expect(parseTrainArgs(['--lr=0.5'])?.config.lr).toBe(0.5);
  });

  it('--help and -h return null (help), even beside other flags', () => {
    expect(parseTrainArgs(['--help'])).toBeNull();
    expect(parseTrainArgs(['--epochs', '2', '-h'])).toBeNull();
  });

  // Each bad input: the message it must produce (one line, naming the flag and the value).
  const BAD: [string[], RegExp][] = [
    [['--foo'], /^unknown option --foo \(see 'paddle-rmsprop train --help'\)$/],
    [['--no-centered'], /^unknown option --no-centered/],
    [['extra'], /^unexpected argument 'extra'/],
    [['--lr'], /^--lr needs a value$/],
    [['--centered=yes'], /^--centered takes no value$/],
    [['--lr', '-1'], /^--lr must be a positive number, but received -1$/],
    [['--lr=-0.5'], /^--lr must be a positive number, but received -0.5$/],
    [['--lr', '0'], /^--lr must be a positive number, but received 0$/],
    [['--lr', 'fast'], /^--lr must be a number, but received 'fast'$/],
    [['--lr', '0x10'], /^--lr must be a number, but received '0x10'$/],
    [['--lr', 'Infinity'], /^--lr must be a number/],
    [['--lr', '1e999'], /^--lr must be a positive number, but received 1e999$/],
    [['--batch-size', '0'], /^--batch-size must be an integer in \[1, 1000000\], but received 0$/],
    [['--batch-size', '6.5'], /^--batch-size must be an integer, but received '6.5'$/],
    [['--batch-size', ''], /^--batch-size must be an integer, but received ''$/],
    [['--epochs', '-3'], /^--epochs must be an integer in \[1, 100000\], but received -3$/],
    [['--rho', '1'], /^--rho must be in \[0, 1\), but received 1$/],
    [['--momentum', '-0.1'], /^--momentum must be in \[0, 1\), but received -0.1$/],
    [['--weight-decay', '-1'], /^--weight-decay must be a number >= 0, but received -1$/],
    [['--clip-norm', 'nan'], /^--clip-norm must be a number, but received 'nan'$/],
    [['--scheduler', 'linear'], /^--scheduler must be one of none, step, cosine, onecycle, but received 'linear'$/],
    [['--seed', '-1'], /^--seed must be an integer in \[0, 4294967295\], but received -1$/],
    [['--limit', '0'], /^--limit must be an integer in \[1, 1000000\], but received 0$/],
    [['--out', ' '], /^--out must name a directory$/],
    // A repeated flag is refused, not silently the last one.
    [['--epochs', '2', '--epochs', '3'], /^--epochs is given more than once \('2', then '3'\); give it once$/],
    [['--lr=0.1', '--epochs', '2', '--lr', '-1'], /^--lr is given more than once \('0.1', then '-1'\); give it once$/],
    [['--centered', '--centered'], /^--centered is given more than once; give it once$/],
    [['--resume', '--out', 'a', '--resume'], /^--resume is given more than once; give it once$/],
  ];

  it.each(BAD)('%j is a UsageError', (argv, message) => {
    expectError(() => parseTrainArgs(argv), UsageError, message);
  });

  it('runTrain turns bad input into one stderr line and exit status 2, with nothing on stdout', async () => {
    for (const [argv, message] of BAD) {
      const io = captureIO();
      const code = await runTrain(argv, io);
      expect(code, argv.join(' ')).toBe(2);
      expect(io.out()).toBe('');
      const lines = io.err().split('\n');
      expect(lines.length, io.err()).toBe(2);
      expect(lines[1]).toBe('');
      expect(lines[0]?.replace(/^paddle-rmsprop: /, '')).toMatch(message);
      expect(io.err()).not.toMatch(/\n\s+at /);
    }
  });

  it('help goes to stdout with status 0; the top-level command checks its command word', async () => {
    const help = captureIO();
    expect(await runCli(['train', '--help'], help)).toBe(0);
    expect(help.out()).toMatch(/^Usage: paddle-rmsprop train \[options\]/);
    for (const flag of ['--epochs', '--batch-size', '--lr', '--rho', '--momentum', '--centered', '--weight-decay', '--clip-norm', '--scheduler', '--seed', '--out', '--resume', '--limit']) {
      expect(help.out()).toContain(flag);
    }
    expect(help.err()).toBe('');

    // --resume states what may change and what the schedule does then.
    const resume = help.out().slice(help.out().indexOf('--resume'), help.out().indexOf('-h, --help'));
    expect(resume.replace(/\s+/g, ' ')).toMatch(
      /only --epochs may differ, .*cosine keeps that T_max and goes on past it as Paddle's CosineAnnealingDecay does .*onecycle cannot go past its last step \(--epochs above the first run's is refused\)/,
    );

    const top = captureIO();
    expect(await runCli(['--help'], top)).toBe(0);
    expect(top.out()).toMatch(/Commands:\n {2}train/);
    // Every option the top-level help lists works, and every one that works is listed.
    expect(top.out()).toMatch(/\n {2}-h, --help +show this help\n/);
    expect(top.out()).toMatch(/\n {2}-v, --version +print the version and exit\n/);
    for (const flag of ['--version', '-v']) {
      const version = captureIO();
      expect(await runCli([flag], version)).toBe(0);
      expect(version.out()).toMatch(/^\d+\.\d+\.\d+\n$/);
      expect(version.err()).toBe('');
    }

    const none = captureIO();
    expect(await runCli([], none)).toBe(2);
    expect(none.err()).toMatch(/^paddle-rmsprop: missing command/);

    const unknown = captureIO();
    expect(await runCli(['fit'], unknown)).toBe(2);
    expect(unknown.err()).toBe("paddle-rmsprop: unknown command 'fit'; try 'paddle-rmsprop train' or 'paddle-rmsprop --help'\n");
  });
});
