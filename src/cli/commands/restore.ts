import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { ApplyPausedError, DEFAULT_APPLY_RESERVE, type Receipt } from '../../core/restore/applier';
import { duration, quotaInForce } from '../../core/restore/estimate';
import { idMapCsv, ledgerFileFor } from '../../core/restore/ledger';
import {
  identicalCount,
  RESTORE_ORDER,
  type ConflictResolution,
  type MissingParentPolicy,
  type PlanAction,
  type PlanStep,
  type PlanWithoutSteps,
  type RestoreEntity,
  type RestorePlan,
} from '../../core/restore/plan';
import { readIdMap } from '../../core/snapshot/ledgerIdMap';
import { readIdMapContents } from '../../core/integration/idMapFile';
import {
  applyRestorePlan,
  ApplyInterruptedError,
  ledgerFileForPlan,
  PlanAccountError,
  receiptProblems,
} from '../../core/usecases/applyRestore';
import { OtherAccountError, planRestoreFromSnapshot } from '../../core/usecases/planRestore';
import { dataPaths } from '../../core/fs/dataDir';
import { newPlanPath } from '../../core/restore/planFiles';
import { readPlanFile, readPlanSteps } from '../../core/restore/planFile';
import { fileLines } from '../../core/fs/fileLines';
import { clientFromFlags, type ConnectionFlags } from '../connection';
import { ApplyStoppedForQuota, counted, FindingsFound, printJson, shellPath, UsageError, type Io } from '../output';
import { applyProgressPrinter } from '../applyProgress';
import { snapshotKey } from '../snapshotFlags';
import { openWithProgress } from '../workProgress';
import { latestPlanFile, latestSnapshotFile } from '../latest';
import { withPath } from '../../core/fs/systemErrors';

interface PlanFlags {
  select?: string;
  link?: string;
  createAnyway?: string;
  entities?: string;
  updateExisting?: boolean;
  missingParent: string;
  subscriptionsStartToday?: boolean;
  otherAccount?: boolean;
  out?: string;
  dir?: string;
  ledger?: string;
  verbose?: boolean;
  json?: boolean;
}

const SYMBOL: Record<PlanStep['action'], string> = { create: '+', update: '~', skip: '=', conflict: '!', blocked: 'x' };

export function registerRestoreCommands(program: Command, io: Io): void {
  program
    .command('plan')
    .description('plan restoring a snapshot into the live account (writes nothing to Keap)')
    .argument(
      '<snapshot>',
      'the snapshot holding the state to restore, or "latest": the newest of this account in --dir (./latest for a file of that name)',
    )
    .option('--select <records>', 'only these records and what they need, e.g. orders:1234,contacts:55')
    .option('--entities <list>', `only these kinds (${RESTORE_ORDER.join(', ')})`)
    .option('--update-existing', 'also update live records whose fields differ')
    .option('--missing-parent <policy>', 'a needed parent that is missing and not selected: skip, create or fail', 'create')
    .option('--subscriptions-start-today', 'restore subscriptions starting today (Keap refuses past start dates)')
    .option('--link <steps>', "conflicts whose live record IS the snapshot's: map to it, e.g. orders:1234,orders:1240")
    .option('--create-anyway <steps>', "conflicts whose live record is a different one: create the snapshot's anyway")
    .option('--out <file>', `plan file to write (default: a new file in ${dataPaths().plans})`)
    .option('--dir <folder>', `where "latest" looks for snapshots (default: ${dataPaths().snapshots})`)
    .option('--ledger <file>', "the account's ledger (default: beside the snapshot)")
    .option('--other-account', "plan restoring into an account other than the snapshot's (the credential's)")
    .option('--verbose', 'also list unchanged records')
    .option('--json', 'print the plan as JSON')
    .action(async (snapshotFile: string, flags: PlanFlags, command: Command) => {
      if (!['skip', 'create', 'fail'].includes(flags.missingParent)) throw new UsageError('--missing-parent must be skip, create or fail');
      const entities = flags.entities
        ?.split(',')
        .map((e) => e.trim())
        .filter(Boolean);
      for (const e of entities ?? [])
        if (!(RESTORE_ORDER as readonly string[]).includes(e))
          throw new UsageError(`Cannot restore '${e}'; restorable: ${RESTORE_ORDER.join(', ')}`);
      const client = clientFromFlags(command.optsWithGlobals<ConnectionFlags>());
      if (snapshotFile === 'latest') snapshotFile = await latestSnapshotFile(client, io, flags.dir ?? dataPaths().snapshots);
      const snapshot = await openWithProgress(snapshotFile, snapshotKey(), !!flags.json);
      try {
        io.err('Reading the live account…');
        const { head, file } = await planRestoreFromSnapshot({
          client,
          snapshot,
          snapshotFile,
          planFile: (plan) => flags.out ?? newPlanPath(dataPaths().plans, plan.account),
          ledgerFile: flags.ledger,
          confirmOtherAccount: () => !!flags.otherAccount,
          options: {
            records: flags.select
              ?.split(',')
              .map((s) => s.trim())
              .filter(Boolean),
            entities: entities as RestoreEntity[] | undefined,
            updateExisting: !!flags.updateExisting,
            missingParent: flags.missingParent as MissingParentPolicy,
            subscriptionsStartToday: !!flags.subscriptionsStartToday,
            resolutions: resolutionsFrom(flags),
          },
        }).catch((err: unknown) => {
          if (err instanceof OtherAccountError)
            throw new UsageError(`${err.message} To plan restoring it there anyway, add --other-account.`);
          throw err;
        });
        // The plan's steps are read back from its file, one at a time: a large plan's are never all in memory.
        if (flags.json) {
          for await (const line of fileLines(file)) io.out(line);
          return;
        }
        await printPlan(io, head, () => readPlanSteps(file), !!flags.verbose);
        io.out(`\nPlan written to ${file}. Apply it with: keap-vault apply ${shellPath(file)}`);
      } finally {
        snapshot.close();
      }
    });

  program
    .command('apply')
    .description("apply a restore plan: in order, within the quota, crash-safe through the account's ledger")
    .argument('<plan>', `plan file made by keap-vault plan, or "latest": this account's newest in ${dataPaths().plans}`)
    .option('--resume', 'continue a plan whose apply was interrupted')
    .option('--break-lock', 'break the lock of an earlier apply whose process is gone')
    .option('--ledger <file>', "the account's ledger (default: beside the plan's snapshot)")
    .option('--snapshot <file>', "the plan's snapshot, for verification (default: where the plan says)")
    .option('--json', 'print the receipt as JSON (progress stays on stderr, as plain lines)')
    .option(
      '--max-wait <duration>',
      "stop between steps, exit 75, rather than wait longer than this for Keap's quota (e.g. 10m, 2h); continue with --resume",
    )
    .option('--reserve <share>', `share of Keap's quota left to other traffic on the account, 0 to 0.9 (default ${DEFAULT_APPLY_RESERVE})`)
    .action(
      async (
        planFile: string,
        flags: {
          resume?: boolean;
          breakLock?: boolean;
          ledger?: string;
          snapshot?: string;
          json?: boolean;
          maxWait?: string;
          reserve?: string;
        },
        command: Command,
      ) => {
        const maxWaitMs = flags.maxWait === undefined ? undefined : durationFlag(flags.maxWait, '--max-wait');
        const reserve = flags.reserve === undefined ? DEFAULT_APPLY_RESERVE : shareFlag(flags.reserve, '--reserve');
        const client = clientFromFlags(command.optsWithGlobals<ConnectionFlags>());
        if (planFile === 'latest') planFile = await latestPlanFile(client, io);
        const plan = await readPlanFile(planFile).catch((err: unknown) => Promise.reject(withPath(err, planFile)));
        const snapshotFile = flags.snapshot ?? plan.snapshot.file;
        const ledgerFile = flags.ledger ?? ledgerFileForPlan(plan, dataPaths().snapshots, snapshotFile);
        const snapshot =
          snapshotFile && existsSync(snapshotFile) ? await openWithProgress(snapshotFile, snapshotKey(), !!flags.json) : undefined;
        const controller = new AbortController();
        const cancel = () => controller.abort();
        process.once('SIGINT', cancel);
        const progress = applyProgressPrinter(io, { client, plan, reserve, plain: !!flags.json });
        try {
          const receipt = await applyRestorePlan({
            client,
            plan,
            ledgerFile,
            snapshot,
            resume: !!flags.resume,
            breakLock: flags.breakLock,
            signal: controller.signal,
            onProgress: (p) => progress.step(p),
            onWait: (w) => progress.wait(w),
            reserve,
            maxWaitMs,
          }).catch((err: unknown) => {
            if (err instanceof ApplyInterruptedError) throw new UsageError(`${err.message} Run again with --resume to continue it safely.`);
            if (err instanceof PlanAccountError) throw new UsageError(`${err.message} Apply it with the credential of ${err.planAccount}.`);
            if (err instanceof ApplyPausedError) {
              progress.end();
              io.err(
                `keap-vault: stopped between steps: Keap's ${err.waitingFor === 'day' ? 'daily quota' : 'quota'} allows requests again at ${err.resumeAt.toISOString()} (in ${duration(err.resumeAt.getTime() - Date.now())}, longer than --max-wait ${flags.maxWait ?? ''}); ${counted(err.stepsLeft, 'step')} left, nothing in flight. Continue with: keap-vault apply ${planFile} --resume`,
              );
              throw new ApplyStoppedForQuota(err.resumeAt);
            }
            throw err;
          });
          progress.end();
          if (flags.json) printJson(io, receipt);
          else printReceipt(io, receipt, ledgerFile, plan);
          const problems = receiptProblems(receipt);
          if (problems) throw new FindingsFound(problems);
        } finally {
          progress.end();
          process.removeListener('SIGINT', cancel);
          snapshot?.close();
        }
      },
    );

  program
    .command('idmap')
    .description('the old id -> new id map of everything restored into an account')
    .argument('<account>', 'the account (as in keap-<account>.kvledger), or a ledger file')
    .option('--dir <folder>', `folder of the account's snapshots and ledger (default: ${dataPaths().snapshots})`)
    .option('--format <format>', 'csv or json', 'csv')
    .option('--include-unrestored', 'also list records a restore could not bring back (their last step failed), with no new id')
    .action(async (account: string, flags: { dir?: string; format: string; includeUnrestored?: boolean }) => {
      const dir = flags.dir ?? dataPaths().snapshots;
      if (!['csv', 'json'].includes(flags.format)) throw new UsageError('--format must be csv or json');
      // The account as named in messages, or as the ledger file is named (keap-<account>): both find it.
      const candidates = account.endsWith('.kvledger')
        ? [account]
        : [ledgerFileFor(dir, account), ledgerFileFor(dir, account.replace(/^keap-/, ''))];
      const file = candidates.find((f) => existsSync(f)) ?? candidates[0];
      if (!existsSync(file)) throw new UsageError(`No ledger at ${file}: nothing has been restored into ${account} from this folder`);
      const entries = await readIdMap(file);
      const unrestored = flags.includeUnrestored ? (await readIdMapContents(file)).unrestored : [];
      if (flags.format === 'json') printJson(io, [...entries, ...unrestored.map((u) => ({ ...u, newId: null }))]);
      else io.out((idMapCsv(entries) + unrestored.map((u) => `${u.entity},${u.oldId},,${u.planId},${u.at}\r\n`).join('')).trimEnd());
    });
}

function resolutionsFrom(flags: PlanFlags): Record<string, ConflictResolution> | undefined {
  const resolutions: Record<string, ConflictResolution> = {};
  const list = (value?: string) =>
    value
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean) ?? [];
  for (const id of list(flags.link)) resolutions[id] = 'link';
  for (const id of list(flags.createAnyway)) {
    if (resolutions[id]) throw new UsageError(`${id} cannot be both linked and created`);
    resolutions[id] = 'create';
  }
  for (const id of Object.keys(resolutions))
    if (!/^orders:\S+$/.test(id)) throw new UsageError(`Only order conflicts have choices (orders:ID); got ${id}`);
  return Object.keys(resolutions).length ? resolutions : undefined;
}

/**
 * Terraform-style: the counts, then a line per record that changes or differs (all with
 * --verbose). "Unchanged" counts only records equal to the snapshot; records that differ and are
 * not updated have their own count and say how to include them.
 */
async function printPlan(io: Io, plan: PlanWithoutSteps, steps: () => AsyncIterable<PlanStep>, verbose: boolean): Promise<void> {
  // Two passes over the steps: the counts come first, and a large plan's steps are not kept.
  const differing = new Map<string, number>();
  for await (const step of steps()) if (isDiffering(step)) differing.set(step.entity, (differing.get(step.entity) ?? 0) + 1);
  const counts = planCounts(plan, differing);
  io.out(
    `Plan: ${counts.create} to create, ${counts.update} to update, ${counts.unchanged} unchanged, ${counts.differs} different but not updated, ${counts.conflict} in conflict, ${counts.blocked} blocked.`,
  );
  for (const [entity, c] of Object.entries(plan.headline)) {
    const differs = differing.get(entity) ?? 0;
    io.out(
      `  ${entity.padEnd(20)} ${c.create} create, ${c.update} update, ${c.skip - differs} unchanged, ${differs} differ, ${c.conflict} conflict, ${c.blocked} blocked`,
    );
  }
  if (plan.estimate) {
    io.out(`Applying it: ${plan.estimate.summary}.`);
    const quota = plan.estimate.quota ?? (plan.estimate.windows.length ? quotaInForce(plan.estimate.windows) : undefined);
    if (quota) io.out(`${quota}.`);
  }
  if (counts.differs) {
    io.out(
      `\n${counted(counts.differs, 'record in the account differs', 'records in the account differ')} from the snapshot and will not be changed${plan.options.updateExisting ? " (Keap's API cannot change those fields)" : '. To overwrite them with the snapshot, plan again with --update-existing'}.`,
    );
  }
  io.out('');
  // eslint-disable-next-line no-control-regex -- control characters are what this strips, so they cannot reach the terminal
  const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]+/g, ' ');
  for await (const step of steps()) {
    if (step.action === 'skip' && !isDiffering(step) && !verbose) continue;
    const symbol = isDiffering(step) ? '≠' : SYMBOL[step.action];
    io.out(
      `${symbol} ${step.id} ${isDiffering(step) ? 'differs' : step.action} (${step.reason})${step.pulledIn ? ' [needed]' : ''}: ${clean(step.detail)}`,
    );
    const next = howToGoOn(step);
    if (next) io.out(`    -> ${next}`);
    for (const change of step.changes ?? [])
      io.out(`    ${change.path}: ${clean(JSON.stringify(change.before) ?? '')} -> ${clean(JSON.stringify(change.after) ?? '')}`);
  }
  const identical = identicalCount(plan);
  if (verbose && identical)
    io.out(
      `(${counted(identical, 'record')} identical to the snapshot under ${identical === 1 ? 'its' : 'their'} own id: counted, not listed.)`,
    );
  if (plan.warnings.length) io.out(`\nWarnings:\n${plan.warnings.map((w) => `  - ${w}`).join('\n')}`);
}

/**
 * What to type to settle a step the plan could not decide alone, in this front end's terms (the
 * preview offers the same choices as buttons).
 */
function howToGoOn(step: PlanStep): string | undefined {
  switch (step.reason) {
    case 'likely-duplicate':
      return step.entity === 'orders'
        ? `if the live order is this order, plan again with --link ${step.id}; if it is a different order, with --create-anyway ${step.id}`
        : undefined;
    case 'past-start-date':
      return 'to restore it starting today (Keap bills it from today on), plan again with --subscriptions-start-today';
    case 'would-overpay':
      return "nothing is sent for it; compare the order's payments in Keap with the snapshot by hand";
    default:
      return undefined;
  }
}

/** A skipped record that is not equal to the snapshot. */
function isDiffering(step: PlanStep): boolean {
  return step.action === 'skip' && !!step.changes?.length;
}

/** The plan's counts over every entity: its headline (which counts identical records as skips), and the skips that differ. */
function planCounts(
  plan: Pick<RestorePlan, 'headline'>,
  differing: ReadonlyMap<string, number>,
): Record<PlanStep['action'] | 'unchanged' | 'differs', number> {
  const counts = { create: 0, update: 0, skip: 0, conflict: 0, blocked: 0, unchanged: 0, differs: 0 };
  for (const row of Object.values(plan.headline)) for (const [action, n] of Object.entries(row ?? {})) counts[action as PlanAction] += n;
  for (const n of differing.values()) counts.differs += n;
  counts.unchanged = counts.skip - counts.differs;
  return counts;
}

/** "90s", "10m", "2h", "1d", or seconds ("45"). */
export function durationFlag(value: string, name: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d)?$/.exec(value.trim());
  if (!match) throw new UsageError(`${name} takes a duration such as 90s, 10m, 2h or 1d; got '${value}'`);
  const unit = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] ?? 's'] ?? 1000;
  return Math.round(Number(match[1]) * unit);
}

/** "0.2" or "20%": a share from 0 to 0.9. */
export function shareFlag(value: string, name: string): number {
  const text = value.trim();
  const share = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
  if (!Number.isFinite(share) || share < 0 || share > 0.9 || text === '')
    throw new UsageError(`${name} takes a share from 0 to 0.9 (or 0% to 90%); got '${value}'`);
  return share;
}

function printReceipt(io: Io, r: Receipt, ledgerFile: string, plan: RestorePlan): void {
  const steps = new Map(plan.steps.map((s) => [s.id, s]));
  io.out(
    `Applied plan ${r.planId}: ${r.created} created, ${r.updated} updated, ${r.linked.length} already in Keap (linked, nothing sent), ${r.skipped} skipped, ${r.reconciled} found already done after an interruption, ${r.conflicts.length} held as conflicts, ${r.failed.length} failed (${counted(r.requests, 'request')}).`,
  );
  for (const l of r.linked) io.out(`  linked ${l.stepId} -> ${l.liveId}: ${l.reason}`);
  for (const c of r.conflicts) io.out(`  conflict ${c.stepId}: ${c.reason}`);
  for (const f of r.failed) io.out(`  failed ${f.stepId}: ${f.message}`);
  for (const n of r.notApplied) {
    io.out(`  not applied ${n.stepId} (${n.action}): ${n.reason}`);
    const step = steps.get(n.stepId);
    const next = step && howToGoOn(step);
    if (next) io.out(`    -> ${next}`);
  }
  for (const d of r.duplicates)
    io.out(
      `  DUPLICATE: ${d.entity} ${d.oldId} is restored more than once in Keap (${d.liveIds.join(', ')}): another apply ran at the same time elsewhere`,
    );
  io.out(
    r.verification.problems.length
      ? `Verification found ${counted(r.verification.problems.length, 'difference')}:\n${r.verification.problems.map((p) => `  ${p}`).join('\n')}`
      : `Verification: ${counted(r.verification.checked, 'record')} written re-read: every field a client can set matches the snapshot.`,
  );
  io.out(`Id map (${counted(r.idMap.length, 'record')}): keap-vault idmap ${shellPath(ledgerFile)}`);
}
