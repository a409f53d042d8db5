/**
 * The emulator's own storage records. Ids are numbers here (Keap's are auto-increments) and money
 * is integer cents; `render.ts` turns these into Keap's v2 JSON. Fields Keap accepts but the
 * emulator gives no behaviour are kept verbatim in `extra` so they round-trip.
 */
import type { Address, EmailAddress, OrderItemType, PhoneNumber } from '../core/model';

export type Extra = Record<string, unknown>;
/** Custom field values keyed by custom field id. */
export type CustomValues = Record<string, unknown>;

export interface ContactRecord {
  id: number;
  given_name?: string;
  family_name?: string;
  middle_name?: string;
  email_addresses: EmailAddress[];
  phone_numbers: PhoneNumber[];
  addresses: Address[];
  company_id?: number;
  job_title?: string;
  custom: CustomValues;
  create_time: string;
  update_time: string;
  extra: Extra;
}

export interface CompanyRecord {
  id: number;
  company_name: string;
  email_address?: EmailAddress;
  phone_number?: PhoneNumber;
  address?: Address;
  website?: string;
  notes?: string;
  custom: CustomValues;
  create_time: string;
  update_time: string;
  extra: Extra;
}

export type CycleType = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

export interface PlanRecord {
  id: number;
  product_id: number;
  cycle_type: CycleType;
  frequency: number;
  total_cycles: number;
  price_cents: number;
  active: boolean;
  allow_prorating: boolean;
  display_order_index: number;
}

export interface ProductRecord {
  id: number;
  name: string;
  sku?: string;
  price_cents: number;
  active: boolean;
  description?: string;
  short_description: string;
  shippable: boolean;
  taxable: boolean;
  subscription_only: boolean;
  create_time: string;
  update_time: string;
  extra: Extra;
}

export interface OrderItemRecord {
  id: number;
  /** The product id as it was when the item was written; the product may since have been deleted. */
  product_id?: number;
  /** Product details copied onto the item, as Keap shows them even after the product is gone. */
  product_name?: string;
  product_sku?: string;
  name: string;
  description?: string;
  notes?: string;
  quantity: number;
  price_cents: number;
  cost_cents: number;
  item_type: OrderItemType;
  subscription_plan_id?: number;
}

export interface OrderRecord {
  id: number;
  invoice_id: number;
  contact_id: number;
  title: string;
  order_type: 'ONLINE' | 'OFFLINE';
  source_type: 'API' | 'CHECKOUT_FORM' | 'INVOICE' | 'MANUAL_PAYMENT' | 'QUICKBOOKS' | 'UNKNOWN';
  order_time: string;
  creation_time: string;
  modification_time: string;
  sent_time?: string;
  due_time?: string;
  notes?: string;
  terms?: string;
  lead_affiliate_id?: string;
  sales_affiliate_id?: string;
  promo_codes: string[];
  items: OrderItemRecord[];
  custom: CustomValues;
  /**
   * Set only by fault planting / corruption: Keap derives totals from items, but a damaged account
   * (the kind a restore must repair) can show a stored total that disagrees with them.
   */
  total_override_cents?: number;
  /** Likewise: a status that disagrees with the payments. */
  status_override?: 'DRAFT' | 'SENT' | 'VIEWED' | 'PAID';
  extra: Extra;
}

export type PaymentStatus = 'MANUAL_PAID' | 'REFUNDED' | 'VOIDED' | 'PAYPAL_PAID' | 'APPROVED' | 'FAILED' | 'ERROR' | 'PENDING';

export interface PaymentRecord {
  /** The payment id (`payment_id`, and `id` in the sales payments list). */
  id: number;
  /** The invoice-payment link id (`id` in an order's payments list). */
  invoice_payment_id: number;
  order_id: number;
  invoice_id: number;
  contact_id: number;
  amount_cents: number;
  method_type: string;
  pay_time: string;
  update_time: string;
  note?: string;
  pay_status: PaymentStatus;
  skip_commission: boolean;
  transaction_id: number;
}

export interface SubscriptionRecord {
  id: number;
  contact_id: number;
  product_id: number;
  subscription_plan_id: number;
  quantity: number;
  active: boolean;
  billing_amount_cents: number;
  start_date: string;
  next_bill_date?: string;
  last_bill_date?: string;
  end_date?: string;
  auto_charge: boolean;
  custom: CustomValues;
  modification_time: string;
  extra: Extra;
}

export interface TagRecord {
  id: number;
  name: string;
  description?: string;
  category_id?: number;
  create_time: string;
  update_time: string;
}

export interface CampaignRecord {
  id: number;
  name: string;
  locked: boolean;
  date_created: string;
  published_date?: string;
  published_status: boolean;
  time_zone: string;
  active_contact_count: number;
  completed_contact_count: number;
}

/** Keap's note types as its UI offers them. */
export type NoteType = 'Call' | 'Email' | 'Appointment' | 'Fax' | 'Letter' | 'Other';

/** A note on a contact. Keap Vault only reads notes, so the emulator offers no writes for them. */
export interface NoteRecord {
  id: number;
  contact_id: number;
  title: string;
  /** Free text as typed into Keap: may span lines and hold anything, markup included. */
  text: string;
  type: NoteType;
  create_time: string;
  update_time: string;
  /** Keap user ids (the account's users are not emulated beyond their ids). */
  created_by_user_id: number;
  last_updated_by_user_id: number;
  pinned_at?: string;
  custom: CustomValues;
}

export type CustomFieldRecordType = 'CONTACT' | 'COMPANY' | 'ORDER' | 'SUBSCRIPTION';

export interface CustomFieldRecord {
  id: number;
  record_type: CustomFieldRecordType;
  label: string;
  field_name: string;
  field_type: string;
  options: Array<{ id: string; label: string }>;
  group_id?: string;
}

/** contact id -> (tag id -> applied time). */
export type ContactTagMap = Map<number, Map<number, string>>;
