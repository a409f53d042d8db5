/**
 * The entities' names as types only, for code that must not load the modules (the webview page
 * type-checks against the plan's types without Node). `index.ts` checks at compile time that these
 * are exactly the registry's names, so adding a module without naming it here does not compile.
 */
export type CapturedEntity =
  | 'contacts'
  | 'companies'
  | 'products'
  | 'orders'
  | 'payments'
  | 'transactions'
  | 'subscriptions'
  | 'tags'
  | 'campaigns'
  | 'custom_fields'
  | 'notes';
export type DerivedEntity = 'order_items' | 'subscription_plans' | 'contact_tags';
export type SnapshotEntity = CapturedEntity | DerivedEntity;
