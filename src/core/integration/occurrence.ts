/** A Keap id found in a text: what kind of record it names, where it is, and why it was taken for one. */
import type { KeapIdKind } from './idKinds';

/** Which clue made a number an id. */
export type RecognitionRule =
  /** `order_id: 1234`, `ORDER_ID=1234`, `$orderId = 1234`, `tag_ids: [12, 15]`, `order_id IN (1, 2)` */
  | 'key'
  /** `"contact": {"id": 55}`, YAML `order:` above `id: 1234` */
  | 'nested'
  /** `order.id == 1234`, `Order ID: 1234` */
  | 'compound'
  /** `order #1234` */
  | 'hash'
  /** `Order 20588 failed`, `(contact 41210)`: a kind word and a number of three digits or more, in prose */
  | 'prose'
  /** `orders.get(1234)`, `Contact::find(55)`, `getOrder(1234)` */
  | 'call'
  /** `…infusionsoft.com/Job/manageJob.jsp?view=edit&ID=1234` */
  | 'admin-url'
  /** `…/crm/rest/v2/orders/1234`, `…keap.app/…/contacts/55` */
  | 'api-url'
  /** `INSERT INTO t (order_id, …) VALUES (1234, …)`, `FROM orders WHERE id = 1234` */
  | 'sql'
  /** a cell of a CSV column whose header names ids (`order_id`, `Contact Id`) */
  | 'csv-column';

/** What a recognizer pass reports: the id's place and its reason, before line and column are worked out. */
export interface FoundId {
  kind: KeapIdKind;
  /** Offset of the id's first digit in the text (UTF-16 code units). */
  offset: number;
  length: number;
  rule: RecognitionRule;
  /** The words that made it an id, for people: `order_id`, `contact › id`, `manageJob.jsp?ID=`, `CSV column "Order Id"`. */
  context: string;
}

export interface KeapIdOccurrence extends FoundId {
  /** The id's digits. */
  id: string;
  /** 1-based, as editors show them; columns count UTF-16 code units. */
  line: number;
  column: number;
}
