/**
 * The domain types shared by the client, the emulator, snapshots, validation and restore.
 * They mirror Keap's REST v2 wire format (field names verbatim, ids as strings) for the subset
 * Keap Vault reads and writes; Keap may send more fields, which are kept as they come.
 */

/** Keap v2 money in responses: integer minor units plus display text. */
export interface CurrencyValue {
  amount: number;
  currency_code: string;
  formatted_amount: string;
}

export interface CustomFieldValue {
  id: string;
  content: unknown;
}

export interface Address {
  field?: 'ADDRESS_FIELD_UNSPECIFIED' | 'BILLING' | 'SHIPPING' | 'OTHER';
  line1?: string;
  line2?: string;
  locality?: string;
  region?: string;
  region_code?: string;
  country_code?: string;
  postal_code?: string;
  zip_code?: string;
  zip_four?: string;
}

export interface EmailAddress {
  email: string;
  field?: 'EMAIL_FIELD_UNSPECIFIED' | 'EMAIL1' | 'EMAIL2' | 'EMAIL3';
  opt_in_reason?: string;
  is_opt_in?: boolean;
  email_opt_status?: string;
}

export interface PhoneNumber {
  number: string;
  extension?: string;
  type?: string;
  field?: 'PHONE_NUMBER_FIELD_UNSPECIFIED' | 'PHONE1' | 'PHONE2' | 'PHONE3' | 'PHONE4' | 'PHONE5';
}

export interface KeapContact {
  id: string;
  given_name?: string;
  family_name?: string;
  middle_name?: string;
  email_addresses?: EmailAddress[];
  phone_numbers?: PhoneNumber[];
  addresses?: Address[];
  company?: { id: string; company_name?: string };
  job_title?: string;
  website?: string;
  birth_date?: string;
  time_zone?: string;
  source_type?: string;
  owner_id?: string;
  leadsource_id?: string;
  custom_fields?: CustomFieldValue[];
  tag_ids?: string[];
  create_time?: string;
  update_time?: string;
  [more: string]: unknown;
}

export interface KeapCompany {
  id: string;
  company_name?: string;
  email_address?: EmailAddress;
  phone_number?: PhoneNumber;
  address?: Address;
  website?: string;
  notes?: string;
  custom_fields?: CustomFieldValue[];
  create_time?: string;
  update_time?: string;
  [more: string]: unknown;
}

export interface KeapSubscriptionPlan {
  id: string;
  subscription_plan_name?: string;
  cycle_type?: 'YEARLY' | 'MONTHLY' | 'WEEKLY' | 'DAILY';
  frequency?: number;
  total_cycles?: number;
  plan_price?: CurrencyValue;
  active?: boolean;
  display_order_index?: number;
}

export interface KeapProduct {
  id: string;
  name?: string;
  sku?: string;
  price?: CurrencyValue;
  active?: boolean;
  description?: string;
  short_description?: string;
  shippable?: boolean;
  taxable?: boolean;
  weight?: number;
  subscription_only?: boolean;
  subscription_plans?: Array<{
    id: string;
    active?: boolean;
    prorate?: boolean;
    billing_cycle?: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
    billing_frequency?: number;
    number_of_cycles?: number;
    plan_price?: CurrencyValue;
    order_index?: number;
  }>;
  create_time?: string;
  update_time?: string;
  [more: string]: unknown;
}

export type OrderItemType =
  | 'PRODUCT'
  | 'SHIPPING'
  | 'TAX'
  | 'SERVICE'
  | 'UPSELL'
  | 'FINANCE_CHARGE'
  | 'DISCOUNT'
  | 'PROGRAM'
  | 'SUBSCRIPTION'
  | 'DISCOUNT_FREE_TRIAL'
  | 'DISCOUNT_ORDER_TOTAL'
  | 'DISCOUNT_PRODUCT'
  | 'DISCOUNT_PRODUCT_CATEGORY'
  | 'DISCOUNT_SHIPPING'
  | 'TIP'
  | 'OTHER'
  | 'FEE'
  | 'UNKNOWN';

export interface KeapOrderItem {
  id: string;
  name?: string;
  description?: string;
  notes?: string;
  quantity?: number;
  item_type?: OrderItemType;
  product?: { id: string; name?: string; sku?: string; description?: string; shippable?: boolean; taxable?: boolean };
  price_per_unit?: CurrencyValue;
  cost_per_unit?: CurrencyValue;
  discount?: CurrencyValue;
  subscription_id?: string;
  subscription_plan?: KeapSubscriptionPlan;
}

export type OrderStatus = 'DRAFT' | 'SENT' | 'VIEWED' | 'PAID';

export interface KeapOrder {
  id: string;
  title?: string;
  status?: OrderStatus;
  total?: CurrencyValue;
  total_paid?: CurrencyValue;
  total_due?: CurrencyValue;
  refund_total?: CurrencyValue;
  contact?: { id: string; email?: string; given_name?: string; family_name?: string };
  notes?: string;
  terms?: string;
  order_type?: 'ONLINE' | 'OFFLINE';
  source_type?: 'API' | 'CHECKOUT_FORM' | 'INVOICE' | 'MANUAL_PAYMENT' | 'QUICKBOOKS' | 'UNKNOWN';
  order_time?: string;
  creation_time?: string;
  modification_time?: string;
  lead_affiliate_id?: string;
  sales_affiliate_id?: string;
  order_items?: KeapOrderItem[];
  invoice_id?: string;
  invoice_number?: string;
  promo_code?: string;
  custom_fields?: CustomFieldValue[];
  allow_payment?: boolean;
  [more: string]: unknown;
}

export type PayStatus = 'MANUAL_PAID' | 'REFUNDED' | 'VOIDED' | 'PAYPAL_PAID' | 'APPROVED' | 'FAILED' | 'ERROR' | 'PENDING';

/** One row of `GET /v2/orders/{id}/payments`: `id` is the invoice-payment link, `payment_id` the payment. */
export interface KeapOrderPayment {
  id: string;
  invoice_id?: string;
  payment_id?: string;
  amount?: number;
  note?: string;
  pay_time?: string;
  pay_status?: PayStatus;
  skip_commission?: boolean;
  refund_invoice_payment_id?: string;
  last_updated_time?: string;
}

/** One row of `GET /v2/sales/payments`. */
export interface KeapPayment {
  id: string;
  type?: string;
  amount?: number;
  note?: string;
  status?: 'PENDING' | 'APPROVED' | 'COMPLETED' | 'NONE';
  commissioned?: boolean;
  synced?: boolean;
  payment_time?: string;
  update_time?: string;
  refund_payment_id?: string;
  contact_id?: string;
  order_ids?: string[];
  [more: string]: unknown;
}

/** One row of `GET /v2/sales/transactions` (Keap gives transactions no id of their own in v2). */
export interface KeapTransaction {
  amount?: number;
  status?: 'APPROVED' | 'PENDING' | 'ERROR' | 'FAILED' | 'NONE';
  description?: string;
  contact_id?: string;
  order_ids?: string[];
  transaction_method?: 'CAPTURE' | 'REFUND' | 'VOID' | 'MANUAL';
  transaction_time?: string;
  payment_id?: string;
  is_successful?: boolean;
  [more: string]: unknown;
}

/** `POST /v2/orders/{id}/payments` answer. */
export interface KeapPaymentResult {
  id: string;
  invoice_id?: string;
  payment_amount?: number;
  payment_status_message?: string;
  transaction_id?: string;
}

export interface KeapSubscription {
  id: string;
  contact_id?: string;
  product_id?: string;
  subscription_plan_id?: string;
  quantity?: number;
  active?: boolean;
  billing_amount?: number;
  billing_cycle?: 'YEAR' | 'MONTH' | 'WEEK' | 'DAY';
  billing_frequency?: number;
  start_date?: string;
  last_bill_date?: string;
  next_bill_date?: string;
  end_date?: string;
  auto_charge?: boolean;
  custom_fields?: CustomFieldValue[];
  modification_time?: string;
  [more: string]: unknown;
}

export interface KeapTag {
  id: string;
  name?: string;
  description?: string;
  category?: { id: string };
  create_time?: string;
  update_time?: string;
}

export interface KeapTaggedContact {
  id: string;
  email?: string;
  given_name?: string;
  family_name?: string;
  applied_time?: string;
}

export interface KeapCampaign {
  id: string;
  name?: string;
  locked?: boolean;
  date_created?: string;
  published_date?: string;
  published_status?: boolean;
  time_zone?: string;
  active_contact_count?: number;
  completed_contact_count?: number;
  [more: string]: unknown;
}

/** A note on a contact (`GET /v2/notes`): calls, emails, meetings written down by the account's users. */
export interface KeapNote {
  id: string;
  contact_id?: string;
  title?: string;
  text?: string;
  type?: string;
  create_time?: string;
  update_time?: string;
  pinned_at?: string | null;
  created_by_user_id?: string;
  last_updated_by_user_id?: string;
  custom_fields?: Array<{ id: string; content?: unknown }>;
  [more: string]: unknown;
}

export type CustomFieldRecordType = 'CONTACT' | 'COMPANY' | 'ORDER' | 'SUBSCRIPTION';

export interface KeapCustomField {
  id: string;
  label?: string;
  field_name?: string;
  field_type?: string;
  record_type?: string;
  options?: Array<{ id: string; label?: string }>;
  default_value?: string;
  group_id?: string;
  group_name?: string;
}

export interface KeapObjectModel {
  custom_fields: KeapCustomField[];
  optional_properties?: string[];
}

/** Keap v2 application error body. */
export interface KeapErrorBody {
  code: number;
  message: string;
  status: string;
  details?: Array<{ domain?: string; resource?: string }>;
}
