import type { Command } from 'commander';
import { clientFromFlags, type ConnectionFlags } from '../connection';
import { printJson, type Io } from '../output';

export function registerPingCommand(program: Command, io: Io): void {
  program
    .command('ping')
    .alias('whoami')
    .description('check that the credential works and show the quota Keap reports')
    .option('--json', 'machine-readable output')
    .action(async (flags: { json?: boolean }, command: Command) => {
      const client = clientFromFlags(command.optsWithGlobals<ConnectionFlags>());
      const result = await client.ping();
      if (flags.json) return printJson(io, result);
      io.out(`Connected to ${result.baseUrl} (${result.ms} ms)`);
      for (const q of result.quota) {
        const unit = q.windowMs >= 86_400_000 ? 'day' : q.windowMs >= 60_000 ? 'minute' : 'second';
        io.out(`  ${q.scope} quota: ${q.available} of ${q.limit} per ${unit} left`);
      }
    });
}
