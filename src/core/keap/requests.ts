/** Request bodies Keap Vault sends (Keap v2 field names; money as doubles in major units where Keap wants them). */
import type { Address, CustomFieldValue, EmailAddress, OrderItemType, PhoneNumber } from '../model';

export interface ContactWrite {
  given_name?: string;
  family_name?: string;
  middle_name?: string;
  email_addresses?: Array<Pick<EmailAddress, 'email' | 'field' | 'opt_in_reason'>>;
  phone_numbers?: PhoneNumber[];
  addresses?: Address[];
  company?: { id: string };
  job_title?: string;
  website?: string;
  birth_date?: string;
  time_zone?: string;
  source_type?: string;
  owner_id?: string;
  leadsource_id?: string;
  custom_fields?: CustomFieldValue[];
  [more: string]: unknown;
}

export type DuplicateOption = 'Email' | 'EmailAndName' | 'EmailAndNameAndCompany';

export interface CompanyWrite {
  company_name?: string;
  email_address?: Pick<EmailAddress, 'email' | 'field'>;
  phone_number?: PhoneNumber;
  address?: Address;
  website?: string;
  notes?: string;
  custom_fields?: CustomFieldValue[];
  [more: string]: unknown;
}

export interface ProductWrite {
  name?: string;
  sku?: string;
  /** Integer minor units (cents), as Keap's product endpoints take it. */
  price?: number;
  short_description?: string;
  description?: string;
  active?: boolean;
  shippable?: boolean;
  taxable?: boolean;
  subscription_only?: boolean;
  [more: string]: unknown;
}

export interface SubscriptionPlanWrite {
  cycle_type: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  /** Major units (double). */
  plan_price: number;
  frequency?: number;
  total_cycles?: number;
  active?: boolean;
  allow_prorating?: boolean;
  display_order_index?: number;
}

export interface OrderItemWrite {
  product_id?: string;
  quantity: number;
  /** Major units (double). Defaults to the product's price. */
  price_per_unit?: number;
  cost_per_unit?: number;
  name?: string;
  description?: string;
  notes?: string;
  item_type?: Exclude<OrderItemType, 'SERVICE' | 'UPSELL' | 'PROGRAM' | 'TIP' | 'UNKNOWN'>;
  subscription_plan_id?: string;
}

export interface OrderCreate {
  contact_id: string;
  order_title: string;
  /** ISO-8601; the business date, which a restore can preserve. */
  order_time: string;
  order_type: 'ONLINE' | 'OFFLINE';
  order_items?: OrderItemWrite[];
  notes?: string;
  terms?: string;
  lead_affiliate_id?: string;
  sales_affiliate_id?: string;
  promo_codes?: string[];
  custom_fields?: CustomFieldValue[];
  sent_time?: string;
  due_time?: string;
  [more: string]: unknown;
}

export type OrderUpdate = Partial<Omit<OrderCreate, 'order_items'>>;

export interface PaymentCreate {
  /** Major units (double); must not exceed the order's balance. */
  payment_amount: number;
  apply_to_commissions: boolean;
  /** A Manual Payment Type configured in the account, e.g. "Cash". */
  payment_method_type?: string;
  payment_method_id?: string;
  payment_time?: string;
  notes?: string;
}

export interface SubscriptionCreate {
  contact_id: string;
  subscription_plan_id: string;
  quantity?: number;
  active?: boolean;
  /** Major units (double). */
  billing_amount?: number;
  auto_charge?: boolean;
  /** Must not be in the past. */
  start_date?: string;
  allow_duplicate?: boolean;
  custom_fields?: CustomFieldValue[];
  [more: string]: unknown;
}

export interface TagWrite {
  name?: string;
  description?: string;
  category?: { id: string };
}

export interface CustomFieldCreate {
  label: string;
  field_type: string;
  options?: Array<{ label: string }>;
  group_id?: string;
}
