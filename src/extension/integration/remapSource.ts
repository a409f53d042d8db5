/**
 * What every applied restore did to ids, for the diagnostics, the quick fixes and the hovers: the id
 * maps of the ledgers in the snapshot folder (applies from here and from the CLI into that folder),
 * plus the records applied plans meant to re-create and that are still gone. Read again when a
 * restore's status changes, when the snapshot folder changes, and when a ledger file changes.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { RemapTable, type UnrestoredEntry } from '../../core/integration/idMap';
import { readIdMapContents } from '../../core/integration/idMapFile';
import { unrestoredInPlan } from '../../core/integration/planUnrestored';
import type { IdMapEntry } from '../../core/restore/ledger';
import { ledgerFileForPlan } from '../../core/usecases/applyRestore';
import type { PlanIndex } from '../restore/planIndex';
import type { SnapshotLibrary } from '../snapshots';

export class RemapSource implements vscode.Disposable {
  table = new RemapTable([]);
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private watcher?: vscode.FileSystemWatcher;
  private watchedFolder?: string;
  private loading: Promise<void> = Promise.resolve();
  private again = false;

  constructor(
    private readonly plans: PlanIndex,
    private readonly snapshots: SnapshotLibrary,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      plans.onDidChange(() => void this.refresh()),
      snapshots.onDidChange(() => void this.refresh()),
    );
  }

  /** Reads the id maps again; calls while one read runs are folded into one more read after it. */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.loading;
    }
    this.running = true;
    this.loading = (async () => {
      do {
        this.again = false;
        await this.load().catch((err: unknown) => this.log.error(`Reading the id maps of applied restores: ${(err as Error).message}`));
      } while (this.again);
      this.running = false;
    })();
    return this.loading;
  }

  private running = false;

  whenLoaded(): Promise<void> {
    return this.loading;
  }

  private async load(): Promise<void> {
    const folder = await this.snapshots.folder();
    this.watch(folder);
    const ledgers = new Set(
      (await fs.readdir(folder).catch(() => [] as string[])).filter((n) => n.endsWith('.kvledger')).map((n) => path.join(folder, n)),
    );
    const applied = this.plans.list().filter((e) => e.status === 'applied' || e.status === 'applied with problems');
    const plans = [];
    for (const entry of applied) {
      const plan = await this.plans.read(entry).catch(() => undefined);
      if (!plan) continue;
      plans.push({ plan, at: entry.result?.finishedAt ?? plan.createdAt });
      ledgers.add(ledgerFileForPlan(plan, folder));
    }
    const entries: IdMapEntry[] = [];
    const unrestored: UnrestoredEntry[] = [];
    for (const file of ledgers) {
      const contents = await readIdMapContents(file).catch(() => undefined);
      if (!contents) continue;
      entries.push(...contents.entries);
      unrestored.push(...contents.unrestored);
    }
    const restored = new Set(entries.map((e) => `${e.entity}:${e.oldId}`));
    for (const { plan, at } of plans) unrestored.push(...unrestoredInPlan(plan, (entity, oldId) => restored.has(`${entity}:${oldId}`), at));
    this.table = new RemapTable(entries, unrestored);
    this.changed.fire();
  }

  /** A ledger written by an apply elsewhere (the CLI, another window) is read too. */
  private watch(folder: string): void {
    if (this.watchedFolder === folder) return;
    this.watcher?.dispose();
    this.watchedFolder = folder;
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), '*.kvledger'));
    const again = () => void this.refresh();
    this.watcher.onDidCreate(again);
    this.watcher.onDidChange(again);
    this.watcher.onDidDelete(again);
  }

  dispose(): void {
    this.watcher?.dispose();
    this.subscriptions.forEach((d) => d.dispose());
    this.changed.dispose();
  }
}
