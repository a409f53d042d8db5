/**
 * Opening a record the preview links to (an old id in the snapshot, a matched or new id in the
 * live account) as the explorer's read-only record document, beside the preview.
 */
import * as vscode from 'vscode';
import type { RestorePlan } from '../../core/restore/plan';
import { entityModule, isCapturedEntity } from '../../core/entities';
import type { PlanViewState } from '../../webview/protocol';
import { recordUri, showRecord } from '../recordDocuments';
import { UserError } from '../userError';

/**
 * Opens a record of `entity` by the id the page showed. A live record is opened by the id apply got
 * back for its step, else the id the plan matched, else the id as given.
 */
export async function openPlanRecord(
  plan: RestorePlan,
  connectionId: string,
  ui: PlanViewState | undefined,
  entity: string,
  id: string,
  where: 'snapshot' | 'live',
): Promise<void> {
  // Records the explorer lists live are records a person can open; a marker field's step is not one.
  const known = isCapturedEntity(entity) && entityModule(entity).live ? entity : undefined;
  if (!known) throw new UserError('not-possible', `Records of ${entity} cannot be opened on their own; open their parent.`);
  const step = plan.steps.find((s) => s.entity === entity && (s.oldId === id || s.liveId === id));
  const uri =
    where === 'snapshot'
      ? plan.snapshot.file
        ? recordUri({ type: 'snapshot', file: plan.snapshot.file }, known, step?.oldId ?? id)
        : undefined
      : recordUri({ type: 'live', connectionId }, known, ui?.progress[step?.id ?? '']?.newId ?? step?.liveId ?? id);
  if (!uri) throw new UserError('gone', 'This plan does not say where its snapshot is.');
  await showRecord(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}
