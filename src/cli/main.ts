/**
 * keap-vault: the command line on the same core as the extension.
 * Exit codes: 0 ok, 1 findings or failure, 2 usage, 75 an apply stopped for Keap's quota by --max-wait
 * (continue it with `apply --resume`).
 */
import { Command, CommanderError } from 'commander';
import { KeapVaultError } from '../core/errors';
import { registerDemoCommand } from './commands/demo';
import { registerDiffCommand } from './commands/diff';
import { registerDisasterCommand } from './commands/disaster';
import { registerEmulatorCommand } from './commands/emulator';
import { registerExportCommand } from './commands/export';
import { registerOrdersCommand } from './commands/orders';
import { registerPingCommand } from './commands/ping';
import { registerRemapCommand } from './commands/remap';
import { registerRestoreCommands } from './commands/restore';
import { registerSnapshotCommands } from './commands/snapshot';
import { registerValidateCommand } from './commands/validate';
import { captureLiveSnapshot } from './liveSnapshot';
import { latestSnapshotFile } from './latest';
import { clientFromFlags, type ConnectionFlags } from './connection';
import {
  ApplyStoppedForQuota,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_PAUSED,
  EXIT_USAGE,
  FindingsFound,
  processIo,
  UsageError,
  type Io,
} from './output';
import { describeSystemError } from '../core/fs/systemErrors';
import { dataPaths } from '../core/fs/dataDir';

export function buildProgram(io: Io): Command {
  const program = new Command('keap-vault')
    .description('Snapshot, validate and safely restore a Keap account (REST v2). Credential from KEAP_API_KEY.')
    .version('0.1.0')
    .option('--url <baseUrl>', 'Keap REST base URL (default KEAP_API_URL or https://api.infusionsoft.com/crm/rest)')
    .option('--token-env <name>', 'environment variable holding the credential', 'KEAP_API_KEY')
    .option('--bearer', 'send the credential as Authorization: Bearer instead of X-Keap-API-Key')
    .option('--unlimited', 'do not pace requests (only for an emulator without quotas)')
    .option('--verbose', 'print every request to Keap on stderr: waits, retries and 429s included')
    .addHelpText(
      'after',
      () =>
        `\nSnapshots, restore plans and ledgers go to ${dataPaths().root} unless a command is given another place (--dir, --out); set KEAP_VAULT_DATA_DIR to move them all.`,
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) });
  registerDemoCommand(program, io);
  registerEmulatorCommand(program, io);
  registerPingCommand(program, io);
  registerOrdersCommand(program, io);
  registerDisasterCommand(program, io);
  registerSnapshotCommands(program, io);
  registerValidateCommand(program, io);
  registerExportCommand(program, io);
  registerRestoreCommands(program, io);
  registerRemapCommand(program, io);
  registerDiffCommand(program, io, {
    captureLive: () => captureLiveSnapshot(program.opts<ConnectionFlags>(), io),
    latestSnapshot: () => latestSnapshotFile(clientFromFlags(program.opts<ConnectionFlags>()), io, undefined, 'Comparing'),
  });
  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function runCli(argv: string[], io: Io = processIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT_OK;
      return EXIT_USAGE;
    }
    if (err instanceof FindingsFound) return EXIT_FAILURE;
    if (err instanceof ApplyStoppedForQuota) return EXIT_PAUSED;
    if (err instanceof UsageError) {
      io.err(`keap-vault: ${err.message}`);
      return EXIT_USAGE;
    }
    if (err instanceof KeapVaultError) {
      io.err(`keap-vault: ${err.message}`);
      return EXIT_FAILURE;
    }
    io.err(`keap-vault: ${describeSystemError(err) ?? (err as Error).message ?? String(err)}`);
    return EXIT_FAILURE;
  }
}

if (require.main === module) {
  // `keap-vault orders | head` closes the pipe early: that is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
