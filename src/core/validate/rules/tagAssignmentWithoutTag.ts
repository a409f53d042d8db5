import { rowsWithMissingParent } from '../missingParents';
import type { ValidationRule } from '../rule';

export const tagAssignmentWithoutTag: ValidationRule = {
  id: 'contact-tag/missing-tag',
  severity: 'warning',
  title: 'Contact tagged with a tag that does not exist',
  explanation:
    "Tags drive Keap's automations and segments. A contact carrying a tag id that no longer exists will not be found by anything " +
    'that looks for the tag, and re-creating the tag gives it a new id. Restore the tag (it is matched by name) and re-apply it.',
  *run({ db, batches }) {
    const rows = (yield* rowsWithMissingParent<{ id: string; contact_id: string; tag_id: string }>(db, batches, {
      table: 'contact_tags',
      column: 'tag_id',
      parent: 'tags',
      select: 'x.id, x.contact_id, x.tag_id',
      nullIsMissing: true,
    })).sort((a, b) => a.rid - b.rid);
    return rows.map((r) => ({
      entity: 'contact_tags',
      recordId: r.id,
      message: `Contact ${r.contact_id} carries tag ${r.tag_id}, which is not in the account`,
      related: [
        { entity: 'contacts', id: r.contact_id },
        { entity: 'tags', id: r.tag_id },
      ],
    }));
  },
};
