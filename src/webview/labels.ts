/** The words and icons the page uses for entities, plan actions and apply statuses. */
import type { PlanAction, RestoreEntity, StepStatus } from './protocol';

export const ACTION_ICON: Record<PlanAction, string> = {
  create: 'add',
  update: 'edit',
  skip: 'dash',
  conflict: 'warning',
  blocked: 'circle-slash',
};

export const STATUS_ICON: Record<StepStatus, string> = {
  running: 'loading codicon-modifier-spin',
  done: 'check',
  skipped: 'dash',
  failed: 'error',
  reconciled: 'sync',
  'already-done': 'check-all',
  linked: 'link',
  conflict: 'warning',
};

export const STATUS_TEXT: Record<StepStatus, string> = {
  running: 'running',
  done: 'done',
  skipped: 'skipped',
  failed: 'failed',
  reconciled: 'reconciled',
  'already-done': 'already done',
  linked: 'already in Keap: linked',
  conflict: 'held: look-alike appeared',
};

export const ENTITY_LABEL: Record<RestoreEntity, string> = {
  custom_fields: 'Custom fields',
  tags: 'Tags',
  companies: 'Companies',
  contacts: 'Contacts',
  products: 'Products',
  subscription_plans: 'Subscription plans',
  orders: 'Orders',
  payments: 'Payments',
  contact_tags: 'Contact tags',
  subscriptions: 'Subscriptions',
  campaigns: 'Campaigns',
};
