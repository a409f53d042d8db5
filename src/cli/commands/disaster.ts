import axios from 'axios';
import type { Command } from 'commander';
import { KeapVaultError } from '../../core/errors';
import { DISASTER_KINDS, type DisasterKind } from '../../emulator/disasters';
import { countedEntity, printJson, UsageError, type Io } from '../output';
import type { ConnectionFlags } from '../connection';

/** The emulator answered the disaster request with a refusal (its message is in this one). Nothing was lost. */
export class DisasterRefusedError extends KeapVaultError<'emulator-refused'> {
  readonly kind = 'emulator-refused';
}

/** Talks to a running emulator's admin path; refuses anything that is not loopback (never real Keap). */
export function registerDisasterCommand(program: Command, io: Io): void {
  program
    .command('disaster')
    .description(`lose data in a running emulator, for demos and tests: ${DISASTER_KINDS.join(', ')}`)
    .argument('<kind>', 'what to lose')
    .option('--fraction <f>', 'fraction of the candidates (0..1)')
    .option('--count <n>', 'how many of the candidates')
    .option('--ids <list>', 'exactly these ids (comma list)')
    .option('--seed <seed>', 'which ones (deterministic)', '1')
    .option('--json', 'machine-readable output')
    .action(
      async (kind: string, flags: { fraction?: string; count?: string; ids?: string; seed: string; json?: boolean }, command: Command) => {
        if (!DISASTER_KINDS.includes(kind as DisasterKind))
          throw new UsageError(`Unknown disaster '${kind}': use one of ${DISASTER_KINDS.join(', ')}`);
        const globals = command.optsWithGlobals<ConnectionFlags>();
        const apiUrl = globals.url ?? process.env.KEAP_API_URL;
        if (!apiUrl) throw new UsageError('Set KEAP_API_URL (or --url) to the emulator printed at start');
        const url = new URL(apiUrl);
        if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
          throw new UsageError('disaster only talks to an emulator on this machine');
        const key = process.env[globals.tokenEnv ?? 'KEAP_API_KEY'];
        const res = await axios.post(
          `${url.origin}/__emulator/disasters/${kind}`,
          {
            fraction: flags.fraction === undefined ? undefined : Number(flags.fraction),
            count: flags.count === undefined ? undefined : Number(flags.count),
            ids: flags.ids
              ?.split(',')
              .map((s) => s.trim())
              .filter(Boolean),
            seed: flags.seed,
          },
          { headers: { 'X-Keap-API-Key': key ?? '' }, proxy: false, validateStatus: () => true },
        );
        if (res.status !== 200)
          throw new DisasterRefusedError(`The emulator refused: ${res.data?.message ?? res.data?.fault?.faultstring ?? res.status}`);
        if (flags.json) return printJson(io, res.data);
        const affected = Object.entries(res.data.affected as Record<string, string[]>);
        // corrupt-* changes records in place; the other kinds delete them.
        const [done, none] = kind.startsWith('corrupt-') ? ['Changed', 'nothing changed'] : ['Lost', 'nothing lost'];
        io.out(
          affected.length
            ? `${done}: ${affected.map(([entity, ids]) => countedEntity(ids.length, entity)).join(', ')}`
            : `Nothing matched; ${none}.`,
        );
      },
    );
}
