/**
 * The registry of restorable entities: each Keap entity's module, by entity. The planner and the
 * applier dispatch through it; an entity of RESTORE_ORDER without a module here gets the shared
 * defaults (and cannot be restored).
 */
import type { RestoreEntity } from '../plan';
import { campaigns } from './campaigns';
import { companies } from './companies';
import { contacts } from './contacts';
import { contactTags } from './contactTags';
import { customFields } from './customFields';
import type { RestorableEntity } from './entity';
import { orders } from './orders';
import { payments } from './payments';
import { products } from './products';
import { subscriptionPlans } from './subscriptionPlans';
import { subscriptions } from './subscriptions';
import { tags } from './tags';

export type { RestorableEntity } from './entity';

export const RESTORABLE_ENTITIES: ReadonlyMap<RestoreEntity, RestorableEntity> = new Map(
  [customFields, tags, companies, contacts, products, subscriptionPlans, orders, payments, contactTags, subscriptions, campaigns].map(
    (module) => [module.entity, module],
  ),
);

/** The module of an entity (undefined for one that has none). */
export function restorableEntity(entity: RestoreEntity): RestorableEntity | undefined {
  return RESTORABLE_ENTITIES.get(entity);
}
