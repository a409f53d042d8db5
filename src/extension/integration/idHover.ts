/**
 * Hovering a Keap id in any editor shows the record behind it, from the latest snapshot of the
 * workspace's connection: an order's title, contact, total, status and date; a contact's name and
 * email; a product's name, SKU and price; a tag's name. An id not in that snapshot says so, and when
 * an older snapshot had it, since when it is gone. What a restore did to it is said too. Links open
 * the record from the snapshot, reveal it in the explorer, or look it up live; nothing is asked of Keap
 * unless that last link is used.
 */
import * as vscode from 'vscode';
import { EXPLORER_ENTITIES, isCapturedEntity } from '../../core/entities';
import { describeRemap } from '../../core/integration/idMap';
import { KIND_LABEL, SNAPSHOT_ENTITY_OF, type KeapIdKind } from '../../core/integration/idKinds';
import type { KeapIdOccurrence } from '../../core/integration/recognize';
import { summarizeRecord, type RecordSummary } from '../../core/integration/recordSummary';
import type { SnapshotListing } from '../../core/snapshot/library';
import { COMMANDS } from '../commandIds';
import type { Connection, ConnectionStore } from '../connections/connections';
import type { ExplorerNode } from '../explorer/nodes';
import type { SnapshotLibrary } from '../snapshots';
import { idScanSettings } from './idSettings';
import type { RemapSource } from './remapSource';
import type { WorkspaceIdIndex } from './workspaceIdIndex';

/** How many snapshots before the latest are searched for an id the latest lacks (each is opened whole). */
const OLDER_SNAPSHOTS_SEARCHED = 3;

/** Markdown's special characters in data (names, titles) become text. */
function esc(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&').replace(/\r?\n/g, ' ');
}

function commandLink(title: string, command: string, args: unknown[]): string {
  return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

const when = (l: SnapshotListing) => l.meta.finishedAt.replace('T', ' ').slice(0, 16);

export class KeapIdHover implements vscode.HoverProvider {
  /** The ids of the document last hovered, for its version. */
  private cache?: { uri: string; version: number; occurrences: KeapIdOccurrence[] };

  constructor(
    private readonly index: WorkspaceIdIndex,
    private readonly remaps: RemapSource,
    private readonly connections: ConnectionStore,
    private readonly snapshots: SnapshotLibrary,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!idScanSettings().enabled || document.uri.scheme === 'keap-vault') return undefined;
    const offset = document.offsetAt(position);
    const o = this.occurrencesOf(document).find((x) => offset >= x.offset && offset <= x.offset + x.length);
    if (!o) return undefined;
    const range = new vscode.Range(document.positionAt(o.offset), document.positionAt(o.offset + o.length));
    return new vscode.Hover(await this.describe(o), range);
  }

  private occurrencesOf(document: vscode.TextDocument): KeapIdOccurrence[] {
    const key = document.uri.toString();
    if (this.cache?.uri !== key || this.cache.version !== document.version)
      this.cache = { uri: key, version: document.version, occurrences: this.index.scanText(document) };
    return this.cache.occurrences;
  }

  async describe(o: KeapIdOccurrence): Promise<vscode.MarkdownString> {
    const md = new vscode.MarkdownString();
    md.isTrusted = { enabledCommands: [COMMANDS.openRecord, COMMANDS.revealRecord, COMMANDS.lookUpIdLive] };
    const { connection, latest, older } = await this.where();
    const label = `${KIND_LABEL[o.kind]} ${o.id}`;
    const links: string[] = [];
    let summary: RecordSummary | undefined;
    if (!latest) {
      md.appendMarkdown(
        `**Keap ${esc(label.toLowerCase())}** · no snapshot${connection ? ` of ${esc(connection.name)}` : ''} yet: take one to see the record behind this id.\n\n`,
      );
    } else {
      summary = summarizeRecord(await this.snapshots.db(latest.file), o.kind, o.id);
      if (summary) {
        md.appendMarkdown(`**${esc(summary.title)}**\n\n`);
        md.appendMarkdown(`| | |\n|---|---|\n`);
        for (const [name, value] of summary.fields) if (value) md.appendMarkdown(`| ${esc(name)} | ${esc(value)} |\n`);
        md.appendMarkdown(`\n*From the snapshot of ${when(latest)} (${esc(latest.meta.account)}).*\n\n`);
        const node: ExplorerNode = {
          kind: 'record',
          source: { type: 'snapshot', file: latest.file },
          entity: summary.entity,
          id: summary.id,
          label,
        };
        links.push(commandLink('Open the record', COMMANDS.openRecord, [node]));
        // The explorer lists captured entities only (a subscription plan is under its product).
        if ((EXPLORER_ENTITIES as readonly string[]).includes(summary.entity))
          links.push(
            commandLink('Show in the Accounts view', COMMANDS.revealRecord, [
              { type: 'snapshot', file: latest.file },
              summary.entity,
              summary.id,
            ]),
          );
      } else {
        md.appendMarkdown(`**${esc(label)}** is not in the latest snapshot (${when(latest)}, ${esc(latest.meta.account)}).`);
        md.appendMarkdown(` ${await this.lastSeen(o, older)}\n\n`);
      }
    }
    const remap = this.remaps.table.lookup(o.kind, o.id);
    if (remap) md.appendMarkdown(`$(history) ${esc(describeRemap(remap))}.\n\n`);
    const live = this.liveTarget(o.kind, o.id, summary);
    if (connection && live) links.push(commandLink('Look it up live', COMMANDS.lookUpIdLive, [connection.id, live.entity, live.id]));
    if (links.length) md.appendMarkdown(links.join(' · '));
    md.supportThemeIcons = true;
    return md;
  }

  /** "It was in the snapshot of 2026-11-02: deleted since." */
  private async lastSeen(o: KeapIdOccurrence, older: SnapshotListing[]): Promise<string> {
    for (const listing of older) {
      const db = await this.snapshots.db(listing.file).catch(() => undefined);
      if (db && summarizeRecord(db, o.kind, o.id)) return `It was in the snapshot of ${when(listing)}: deleted since.`;
    }
    return older.length ? `Nor in the ${older.length === 1 ? 'snapshot' : `${older.length} snapshots`} before it.` : '';
  }

  /** What "look it up live" reads: the record itself (an invoice: its order); kinds Keap lists only inside another have no link. */
  private liveTarget(kind: KeapIdKind, id: string, summary?: RecordSummary): { entity: string; id: string } | undefined {
    if (kind === 'invoice') return summary && { entity: 'orders', id: summary.id };
    const entity = SNAPSHOT_ENTITY_OF[kind];
    return isCapturedEntity(entity) ? { entity, id } : undefined;
  }

  /**
   * The workspace's connection (the `connection` setting; else the only one; else the one whose account
   * has the newest snapshot) and its account's snapshots, newest first.
   */
  private async where(): Promise<{ connection?: Connection; latest?: SnapshotListing; older: SnapshotListing[] }> {
    const listings = await this.snapshots.list();
    const all = this.connections.list();
    const wanted = idScanSettings().connection;
    let connection = wanted ? all.find((c) => c.id === wanted || c.name === wanted) : undefined;
    if (!connection && all.length === 1) connection = all[0];
    if (!connection) connection = listings.map((l) => all.find((c) => c.account === l.meta.account)).find(Boolean);
    const account = connection?.account ?? listings[0]?.meta.account;
    const ofAccount = listings.filter((l) => l.meta.account === account);
    return { connection, latest: ofAccount[0], older: ofAccount.slice(1, 1 + OLDER_SNAPSHOTS_SEARCHED) };
  }
}
