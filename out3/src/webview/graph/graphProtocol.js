"use strict";
/**
 * The relationship view of an order (contact -> order -> items -> products, payments, subscriptions)
 * as data: built by the host from a snapshot (extension/recordCard/orderRelations.ts), drawn by
 * graphView.ts in the record card and in the restore preview. Types only: both sides import it.
 */
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=graphProtocol.js.map