import { UNIQUE_ID_ENTITIES } from '../../entities';
import type { RuleFindings, ValidationRule } from '../rule';
import { keyRangeParams, keyRangeSql, keyRanges } from '../ruleBatches';

export const duplicateIds: ValidationRule = {
  id: 'entity/duplicate-id',
  severity: 'error',
  title: 'The same id appears more than once',
  explanation:
    'Keap ids identify exactly one record; an order id that appears twice means two different orders claim the same Order ID, ' +
    'so payments, invoices and integrations that key on it can land on the wrong one. This usually comes from merging exports or ' +
    're-importing data. Keep the record Keap holds under that id and re-create the other through a restore, which gives it a new id.',
  *run({ db, batches }) {
    const findings: RuleFindings = [];
    for (const entity of UNIQUE_ID_ENTITIES) {
      // By ranges of the id index, in its order: a group never spans two ranges, and the ranges follow `ORDER BY id`.
      for (const [after, upTo] of keyRanges(db, entity, 'id', batches)) {
        const range = keyRangeSql('id', after);
        const params = keyRangeParams(after, upTo);
        // Counting the range's rows and its distinct ids reads the index twice but aggregates nothing per
        // row (COUNT(DISTINCT) over an index SQLite counts in its order, without a temporary table); only
        // a range where they differ is grouped to name its repeated ids.
        const repeats = db.scalar(
          `SELECT (SELECT COUNT(*) FROM ${entity} WHERE ${range}) - (SELECT COUNT(DISTINCT id) FROM ${entity} WHERE ${range})`,
          [...params, ...params],
        );
        const rows = repeats
          ? db.all<{ id: string; n: number }>(
              `SELECT id, COUNT(*) AS n FROM ${entity} WHERE ${range} GROUP BY id HAVING COUNT(*) > 1 ORDER BY id`,
              params,
            )
          : [];
        for (const r of rows) findings.push({ entity, recordId: r.id, message: `${entity} id ${r.id} appears ${r.n} times`, related: [] });
        yield;
      }
    }
    return findings;
  },
};
