/**
 * The emulator's deterministic, seeded account generator: a realistic Keap account (contacts,
 * companies, products and plans, orders with items and payments, subscriptions, tags, campaigns)
 * written straight into an `EmulatorStore`, optionally with planted integrity problems that a
 * validator must find exactly.
 *
 * Records are written directly (`insertOrder`, `insertPayment`, `Table.insert`…), not through the
 * API rules: history holds what today's API forbids (subscriptions that started in the past,
 * payments dated years ago).
 *
 * Ratios, for `size` = number of contacts:
 * - companies     = max(1, round(size / 8)); about 1/3 of contacts are linked to one
 * - products      = clamp(round(size / 20), 3, 2000); about 1/4 of them carry 1–2 subscription plans
 * - tags          = clamp(round(size / 50), 3, 300); each contact carries 0–4 (mean ≈ 1.4)
 * - campaigns     = clamp(round(size / 100), 2, 30)
 * - orders        ≈ 1.2 × size (a contact's orders are kept ≥ 2 h apart, which can drop a handful, and
 *                   never repeat the same lines within 3 days),
 *                   1–5 items each (mean ≈ 2.3); ≈60 % fully paid (1–2 payments), ≈20 % partly paid,
 *                   ≈20 % unpaid (a fully paid order has 1–2 payments, a partly paid one 1–2), so
 *                   payments ≈ 1.03 per order ≈ 1.24 × size
 * - subscriptions ≈ size / 10
 * Planting adds a few records (a duplicate order, extra payments, contacts when no existing record
 * fits) and removes others (the "no longer exists" ones); `counts` reports the store as it ends.
 *
 * Ids look like Keap's: auto-increments in creation order (contacts by create_time, orders by
 * order_time, payments by pay_time), with the odd gap, and an order's invoice id comes from the
 * separate invoice sequence (so it differs from the order id).
 */
import type { Address, EmailAddress, PhoneNumber } from '../core/model';
import { SeededRandom } from './random';
import type {
  CampaignRecord, CompanyRecord, ContactRecord, CycleType, OrderItemRecord, OrderRecord, PaymentRecord, PlanRecord,
  ProductRecord, SubscriptionRecord, TagRecord,
} from './records';
import type { EmulatorStore } from './store';

export type PlantedProblemKind =
  | 'orphan-order'          // order whose contact no longer exists
  | 'dangling-product'      // order item pointing at a product that no longer exists
  | 'orphan-payment'        // payment whose order no longer exists
  | 'duplicate-payment'     // the same payment recorded twice (same order, amount, pay_time, method)
  | 'overpaid-order'        // payments exceed the order total
  | 'total-mismatch'        // stored order total != sum of items (OrderRecord.total_override_cents)
  | 'paid-status-mismatch'  // status PAID with amount due > 0, or (odd-numbered plants) not PAID though fully paid
  | 'orphan-subscription'   // subscription whose contact (even-numbered plants) or product (odd) no longer exists
  | 'dangling-tag'          // contact tag pointing at a tag that no longer exists
  | 'dangling-company'      // contact pointing at a company that no longer exists
  | 'future-order'          // order_time in the future (relative to the generator's `now`)
  | 'order-before-contact'  // order_time before its contact's create_time
  | 'duplicate-order';      // likely duplicate: same contact, same items, same total, order_time within minutes

/** Every kind, in the order the generator plants them. */
export const PLANTED_PROBLEM_KINDS: readonly PlantedProblemKind[] = [
  'orphan-order', 'dangling-product', 'orphan-payment', 'duplicate-payment', 'overpaid-order', 'total-mismatch',
  'paid-status-mismatch', 'orphan-subscription', 'dangling-tag', 'dangling-company', 'future-order',
  'order-before-contact', 'duplicate-order',
];

export interface GenerateOptions {
  seed: number | string;
  /** Number of contacts; every other entity scales from it (see the ratios at the top of this file). */
  size: number;
  /** The account's "today"; default 2026-11-01T12:00:00Z so that output never depends on the wall clock. */
  now?: Date;
  /** How many of each problem to plant; none by default (a clean account). */
  plant?: Partial<Record<PlantedProblemKind, number>>;
}

/**
 * One planted problem and the string ids a validator would report for it:
 * - orphan-order, overpaid-order, total-mismatch, paid-status-mismatch, future-order,
 *   order-before-contact: `[orderId]`
 * - dangling-product: `[orderId, itemId]`
 * - orphan-payment: `[paymentId]`; duplicate-payment: `[paymentId, paymentId]` (ascending)
 * - orphan-subscription: `[subscriptionId]`
 * - dangling-tag: `[contactId, tagId]` (the assignment has no id of its own; the tag id is the missing one)
 * - dangling-company: `[contactId]`
 * - duplicate-order: `[orderId, orderId]` (ascending: the original, then the duplicate)
 */
export interface PlantedProblem {
  kind: PlantedProblemKind;
  /** The kind of record that carries the problem: order, order_item, payment, subscription, contact, contact_tag. */
  entity: string;
  ids: string[];
  note: string;
}

export interface GenerateResult {
  /** contacts, companies, products, plans, orders, order_items, payments, subscriptions, tags, contact_tags, campaigns. */
  counts: Record<string, number>;
  planted: PlantedProblem[];
}

export const DEFAULT_GENERATOR_NOW = '2026-11-01T12:00:00.000Z';

/** The entity counts `generateAccount` aims at before planting (orders and subscriptions approximately). */
export function targetCounts(size: number): Record<'contacts' | 'companies' | 'products' | 'tags' | 'campaigns' | 'orders' | 'subscriptions', number> {
  return {
    contacts: size,
    companies: Math.max(1, Math.round(size / 8)),
    products: clamp(Math.round(size / 20), 3, 2000),
    tags: clamp(Math.round(size / 50), 3, 300),
    campaigns: clamp(Math.round(size / 100), 2, 30),
    orders: Math.round(size * 1.2),
    subscriptions: Math.round(size / 10),
  };
}

/**
 * Contact names that exercise escaping and Unicode handling: one of every 32 contacts (from a
 * seed-chosen offset) takes the next of these in turn, so an account of 512+ contacts has them all.
 */
export const TRICKY_CONTACT_NAMES: ReadonlyArray<{ given_name: string; family_name: string }> = [
  { given_name: 'José', family_name: 'Ñúñez' },
  { given_name: '<script>alert(1)</script>', family_name: 'Smith' },
  { given_name: 'Zoë', family_name: 'Åström' },
  { given_name: 'Eve', family_name: '<img src=x onerror=alert(1)>' },
  { given_name: 'Łukasz', family_name: 'Żółć' },
  { given_name: 'Conor', family_name: "O'Brien & Sons" },
  { given_name: '芳', family_name: '王' },
  { given_name: '"Quoted"', family_name: 'Name' },
  { given_name: 'Мария', family_name: 'Иванова' },
  { given_name: '=SUM(A1)', family_name: 'Formula' },
  { given_name: 'محمد', family_name: 'العلي' },
  { given_name: 'a,b;c', family_name: 'Delimiter' },
  { given_name: "Robert'); DROP TABLE contacts;--", family_name: 'Tables' },
  { given_name: 'Already', family_name: '&amp; &lt;b&gt;escaped&lt;/b&gt;' },
  { given_name: '🎉 Party', family_name: 'Emoji 👩‍💻' },
  { given_name: '+1-555', family_name: '@SUM(1+1)' },
];
const TRICKY_CONTACT_EVERY = 32;

export const TRICKY_COMPANY_NAMES: readonly string[] = [
  "O'Brien & Sons",
  '<b>Bold</b> Corp',
  '"Quoted" Holdings, Inc.',
  'Åström & Ñúñez AB',
  '=SUM(A1) Accounting',
  '<script>alert("co")</script> LLC',
  '王氏贸易有限公司',
  'a,b;c Partners',
  'ООО «Ромашка»',
  'Café Crème S.à r.l.',
];
const TRICKY_COMPANY_EVERY = 12;

export const TRICKY_PRODUCT_NAMES: readonly string[] = [
  '<script>alert(1)</script> Starter Kit',
  'Café Crème – 250 g',
  `O'Brien's "Best" Tea, 12 oz`,
  '<img src=x onerror=alert(1)> Poster',
  '=SUM(A1) Spreadsheet Template',
  '寿司セット (Sushi Set)',
  'a,b;c Combo',
  'Набор «Люкс»',
];
const TRICKY_PRODUCT_EVERY = 9;

export const TRICKY_TAG_NAMES: readonly string[] = [
  '<b>VIP</b>', 'Tag, with comma', "O'Brien's list", 'Ünïcödé 🎉', '=cmd|" /C calc"!A0', '"Quoted" Tag',
];
const TRICKY_TAG_EVERY = 7;

// ------------------------------------------------------------------------------------------ vocab

const ANGLO_GIVEN = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William',
  'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Christopher', 'Karen', 'Daniel', 'Lisa',
  'Matthew', 'Nancy', 'Anthony', 'Betty', 'Mark', 'Ashley', 'Steven', 'Emily', 'Andrew', 'Megan', 'Kevin', 'Amanda',
  'Brian', 'Melissa', 'Jason', 'Rachel', 'Tyler', 'Hannah', 'Aaron', 'Olivia', 'Ethan', 'Chloe', 'Noah', 'Grace',
];
const ANGLO_FAMILY = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas',
  'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker',
  'Young', 'Allen', 'King', 'Wright', 'Scott', 'Hill', 'Green', 'Adams', 'Baker', 'Nelson', 'Carter', 'Mitchell',
  'Roberts', 'Turner', 'Phillips', 'Campbell', 'Parker', 'Evans', 'Edwards', 'Collins', 'Stewart', 'Morris',
];

/** International name pools; "display|slug" gives the e-mail slug of names that do not fold to ASCII. */
const LOCALES: ReadonlyArray<{ country?: string; given: readonly string[]; family: readonly string[] }> = [
  { country: 'MEX', given: ['José', 'María', 'Lucía', 'Andrés', 'Sofía', 'Ángel', 'Iñaki'], family: ['Ñúñez', 'García', 'Pérez', 'Martínez', 'Muñoz', 'Ibáñez', 'Gómez'] },
  { country: 'SWE', given: ['Zoë', 'Åsa', 'Björn', 'Søren', 'Ingrid', 'Mikael'], family: ['Åström', 'Nyström', 'Öberg', 'Løkke', 'Ångström'] },
  { country: 'POL', given: ['Łukasz', 'Małgorzata', 'Paweł', 'Agnieszka', 'Wojciech'], family: ['Żółć', 'Wiśniewski', 'Kowalczyk', 'Dąbrowska', 'Łęcki'] },
  { country: 'CHN', given: ['芳|fang', '伟|wei', '娜|na', '静|jing', '强|qiang'], family: ['王|wang', '李|li', '张|zhang', '刘|liu', '陈|chen'] },
  { given: ['Мария|maria', 'Иван|ivan', 'Алексей|aleksei', 'Ольга|olga'], family: ['Иванова|ivanova', 'Смирнов|smirnov', 'Кузнецова|kuznetsova'] },
  { country: 'DEU', given: ['Jürgen', 'Günther', 'Käthe', 'Jörg'], family: ['Müller', 'Groß', 'Schäfer', 'Köhler'] },
  { country: 'FRA', given: ['Émilie', 'François', 'Chloé', 'Hélène'], family: ['Lefèvre', 'Dubois', 'Bérubé', 'Garçon'] },
  { given: ['Thảo', 'Đức', 'Hương'], family: ['Nguyễn', 'Trần', 'Phạm'] },
  { country: 'JPN', given: ['太郎|taro', '花子|hanako', '健|ken'], family: ['山田|yamada', '佐藤|sato', '鈴木|suzuki'] },
  { given: ['Siobhán', 'Seán', 'Niamh'], family: ["O'Brien", "O'Connor", 'McDonald', "D'Arcy"] },
];

const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example.com', 'inbox.example.net', 'post.example.org'];
const WORK_DOMAINS = ['work.example.com', 'corp.example.net', 'office.example.org'];

const US_CITIES: ReadonlyArray<readonly [string, string, string, string, string]> = [
  // locality, region, region_code, zip, area code
  ['San Francisco', 'California', 'US-CA', '94107', '415'],
  ['Austin', 'Texas', 'US-TX', '78701', '512'],
  ['Denver', 'Colorado', 'US-CO', '80202', '303'],
  ['Chicago', 'Illinois', 'US-IL', '60601', '312'],
  ['Brooklyn', 'New York', 'US-NY', '11201', '718'],
  ['Seattle', 'Washington', 'US-WA', '98101', '206'],
  ['Boise', 'Idaho', 'US-ID', '83702', '208'],
  ['Miami', 'Florida', 'US-FL', '33130', '305'],
  ['Portland', 'Oregon', 'US-OR', '97205', '503'],
  ['Nashville', 'Tennessee', 'US-TN', '37203', '615'],
  ['Phoenix', 'Arizona', 'US-AZ', '85004', '602'],
  ['Columbus', 'Ohio', 'US-OH', '43215', '614'],
];
const US_STREETS = ['Main St', 'Oak Ave', 'Maple Dr', 'Cedar Ln', 'Market St', 'Elm St', '2nd Ave', 'Sunset Blvd', 'Lake Shore Dr', 'Pine St', 'Washington Ave'];

interface Country { code: string; phone: (r: SeededRandom) => string; cities: ReadonlyArray<readonly [string, string, string, string]>; streets: readonly string[] }
const COUNTRIES: readonly Country[] = [
  { code: 'GBR', phone: (r) => `+44 20 7946 0${r.int(100, 999)}`, cities: [['London', 'London', 'GB-LND', 'EC1A 1BB'], ['Manchester', 'Greater Manchester', 'GB-MAN', 'M1 1AE']], streets: ['High Street', 'Baker Street', 'Station Road'] },
  { code: 'CAN', phone: (r) => `+1 (416) 555-0${r.int(100, 199)}`, cities: [['Toronto', 'Ontario', 'CA-ON', 'M5V 2T6'], ['Montréal', 'Québec', 'CA-QC', 'H2X 1Y4']], streets: ['Queen St W', 'Rue Saint-Denis', 'King St E'] },
  { code: 'DEU', phone: (r) => `+49 30 ${r.int(1000000, 9999999)}`, cities: [['Berlin', 'Berlin', 'DE-BE', '10115'], ['München', 'Bayern', 'DE-BY', '80331']], streets: ['Hauptstraße', 'Königsallee', 'Schloßstraße'] },
  { code: 'FRA', phone: (r) => `+33 1 ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)}`, cities: [['Paris', 'Île-de-France', 'FR-IDF', '75001'], ['Lyon', 'Auvergne-Rhône-Alpes', 'FR-ARA', '69002']], streets: ['Rue de Rivoli', 'Boulevard Saint-Germain'] },
  { code: 'MEX', phone: (r) => `+52 55 ${r.int(1000, 9999)} ${r.int(1000, 9999)}`, cities: [['Ciudad de México', 'Ciudad de México', 'MX-CMX', '06000']], streets: ['Avenida Paseo de la Reforma', 'Calle Ñandú'] },
  { code: 'SWE', phone: (r) => `+46 31 ${r.int(100, 999)} ${r.int(10, 99)} ${r.int(10, 99)}`, cities: [['Göteborg', 'Västra Götaland', 'SE-O', '411 01']], streets: ['Storgatan', 'Kungsgatan'] },
  { code: 'POL', phone: (r) => `+48 42 ${r.int(100, 999)} ${r.int(10, 99)} ${r.int(10, 99)}`, cities: [['Łódź', 'Łódzkie', 'PL-10', '90-001']], streets: ['ulica Piotrkowska', 'ulica Żeromskiego'] },
  { code: 'JPN', phone: (r) => `+81 3-${r.int(1000, 9999)}-${r.int(1000, 9999)}`, cities: [['千代田区', '東京都', 'JP-13', '100-0001']], streets: ['丸の内1-1', '大手町2-3'] },
  { code: 'AUS', phone: (r) => `+61 2 ${r.int(1000, 9999)} ${r.int(1000, 9999)}`, cities: [['Sydney', 'New South Wales', 'AU-NSW', '2000']], streets: ['George St', 'Pitt St'] },
  { code: 'CHN', phone: (r) => `+86 21 ${r.int(1000, 9999)} ${r.int(1000, 9999)}`, cities: [['上海', '上海市', 'CN-SH', '200000']], streets: ['南京东路', '淮海中路'] },
  { code: 'BRA', phone: (r) => `+55 11 ${r.int(1000, 9999)}-${r.int(1000, 9999)}`, cities: [['São Paulo', 'São Paulo', 'BR-SP', '01310-100']], streets: ['Avenida Paulista', 'Rua Augusta'] },
];
const COUNTRY_BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));

const COMPANY_PREFIX = ['Acme', 'Blue Ridge', 'Summit', 'Northwind', 'Evergreen', 'Pinnacle', 'Harbor', 'Redwood', 'Silver Lake', 'Bright Path', 'Granite', 'Prairie', 'Coastal', 'Maple Leaf'];
const COMPANY_TRADE = ['Consulting', 'Fitness', 'Plumbing', 'Dental', 'Marketing', 'Bakery', 'Landscaping', 'Yoga Studio', 'Law Group', 'Coaching', 'Realty', 'Chiropractic', 'Design', 'Auto Repair'];
const COMPANY_SUFFIX = ['LLC', 'Inc.', 'Co.', '', 'Group', 'Partners', 'Ltd.'];
const JOB_TITLES = ['Owner', 'CEO', 'Office Manager', 'Marketing Director', 'Bookkeeper', 'Sales Rep', 'Founder', 'Operations Lead', 'Assistant'];

const PRODUCT_ADJ = ['Premium', 'Deluxe', 'Starter', 'Pro', 'Organic', 'Classic', 'Ultimate', 'Mini', 'Family', 'Advanced', 'Essential', 'Signature'];
const PRODUCT_NOUN: ReadonlyArray<readonly [string, boolean]> = [
  // name, shippable
  ['Coaching Session', false], ['Yoga Mat', true], ['Membership', false], ['Workshop Ticket', false],
  ['Protein Powder', true], ['E-book', false], ['Consultation', false], ['Gift Card', false], ['T-Shirt', true],
  ['Water Bottle', true], ['Online Course', false], ['Candle Set', true], ['Tea Sampler', true], ['Massage (60 min)', false],
  ['Meal Plan', false], ['Resistance Bands', true], ['Mastermind Seat', false], ['Journal', true],
];
const PRODUCT_VARIANT = ['', '', '', ' (Blue)', ' (Large)', ' v2', ' — Bundle', ' (Annual)', ' 3-Pack'];

const TAG_BASE = [
  'Customer', 'Lead', 'VIP', 'Newsletter', 'Webinar Attendee', 'Abandoned Cart', 'Purchased: Course', 'Referral',
  'Cold Lead', 'Hot Lead', 'Trade Show 2025', 'Unsubscribed', 'Facebook Ad', 'Google Ads', 'Podcast Listener',
  'Beta Tester', 'Wholesale', 'Affiliate', 'Past Due', 'Nurture Sequence', 'Free Trial', 'Event: Summit 2026',
];
const CAMPAIGN_NAMES = [
  'Welcome Sequence', 'Abandoned Cart Recovery', 'Post-Purchase Follow-up', 'Webinar Reminder', 'Win-Back',
  'Birthday Offer', 'Onboarding', 'Re-engagement', 'Black Friday', 'Trial Conversion', 'Referral Program',
  'Spring <Sale> & "Promo"', 'Review Request', 'Upsell: Pro Plan', 'Event Countdown',
];
const TIME_ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'Europe/London', 'Australia/Sydney'];
const PROMO_CODES: ReadonlyArray<readonly [string, number]> = [['SAVE5', 5], ['SAVE10', 10], ['WELCOME15', 15], ['VIP20', 20], ['BF25', 25]];
const SOURCE_WEIGHTS: ReadonlyArray<readonly [OrderRecord['source_type'], number]> = [
  ['CHECKOUT_FORM', 40], ['INVOICE', 20], ['MANUAL_PAYMENT', 15], ['API', 15], ['QUICKBOOKS', 3], ['UNKNOWN', 7],
];
const LINE_COUNT_WEIGHTS: ReadonlyArray<readonly [number, number]> = [[1, 45], [2, 25], [3, 15], [4, 10], [5, 5]];
const TAG_COUNT_WEIGHTS: ReadonlyArray<readonly [number, number]> = [[0, 30], [1, 30], [2, 20], [3, 12], [4, 8]];
const ORDER_NOTES = ['Customer requested gift wrap', 'Ship after the 15th', 'Paid at the booth', 'Left a voicemail <re: invoice>', 'Repeat customer — thank-you card', 'Deliver to "back door" & ring twice'];

// ------------------------------------------------------------------------------------------ time

const MIN = 60;
const HOUR = 3600;
const DAY = 86400;
const YEAR = 365 * DAY;

function iso(sec: number): string {
  return new Date(sec * 1000).toISOString();
}

function isoDate(sec: number): string {
  return iso(sec).slice(0, 10);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Lower-case ASCII letters only: "José" -> "jose", "Łukasz" -> "lukasz", "芳|fang" -> "fang". */
function slugOf(name: string): string {
  const bar = name.indexOf('|');
  if (bar >= 0) return name.slice(bar + 1);
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁ]/g, 'l').replace(/[øØ]/g, 'o').replace(/[æÆ]/g, 'ae').replace(/ß/g, 'ss').replace(/[đĐ]/g, 'd').replace(/[œŒ]/g, 'oe')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

function displayOf(name: string): string {
  const bar = name.indexOf('|');
  return bar >= 0 ? name.slice(0, bar) : name;
}

function itemSignature(items: readonly OrderItemRecord[]): string {
  return items.map((i) => `${i.item_type}:${i.product_id ?? ''}:${i.quantity}:${i.price_cents}`).sort().join(',');
}

function itemsTotal(items: readonly OrderItemRecord[]): number {
  let total = 0;
  for (const item of items) total += item.quantity * item.price_cents;
  return total;
}

// ------------------------------------------------------------------------------------------ generator

type PaymentShape = 'unpaid' | 'partial' | 'full1' | 'full2';

interface ContactMeta {
  record: ContactRecord;
  createSec: number;
  orders: OrderMeta[];
  subs: SubscriptionRecord[];
}

interface OrderMeta {
  order: OrderRecord;
  contact: ContactMeta;
  shape: PaymentShape;
  timeSec: number;
  total: number;
  payments: PaymentRecord[];
}

interface DoomedProduct { product: ProductRecord; plan?: PlanRecord }

export function generateAccount(store: EmulatorStore, options: GenerateOptions): GenerateResult {
  return new AccountGenerator(store, options).run();
}

class AccountGenerator {
  private readonly rng: SeededRandom;
  private readonly nowSec: number;
  private readonly size: number;
  private readonly plant: Array<[PlantedProblemKind, number]>;

  private readonly contacts: ContactMeta[] = [];
  /** Create times (seconds) of the companies contacts may link to, ascending. */
  private companyTimes: number[] = [];
  private linkableCompanies: CompanyRecord[] = [];
  private catalog: ProductRecord[] = [];
  private plans: PlanRecord[] = [];
  private usableTags: TagRecord[] = [];
  private doomedCompanies: CompanyRecord[] = [];
  private doomedTags: TagRecord[] = [];
  private doomedItemProducts: ProductRecord[] = [];
  private doomedPlanProducts: DoomedProduct[] = [];
  private readonly methodWeights: Array<[string, number]>;
  /** Tricky contact names start at this offset (mod TRICKY_CONTACT_EVERY). */
  private readonly trickyOffset: number;
  private contactSerial = 0;
  /** Pay time (seconds) of the last payment buildPayments made. */
  private lastPaySec = 0;
  private readonly touched = new Set<number>();
  private readonly planted: PlantedProblem[] = [];

  constructor(private readonly store: EmulatorStore, options: GenerateOptions) {
    if (!Number.isInteger(options.size) || options.size < 0) throw new RangeError(`size must be a whole number >= 0 (got ${options.size})`);
    const now = options.now ?? new Date(DEFAULT_GENERATOR_NOW);
    if (Number.isNaN(now.getTime())) throw new RangeError('now is not a valid date');
    for (const table of [store.contacts, store.companies, store.products, store.plans, store.orders, store.payments, store.subscriptions, store.tags, store.campaigns]) {
      if (table.size > 0) throw new Error('generateAccount needs an empty store');
    }
    if (!store.manualPaymentTypes.length) throw new Error('the store has no manual payment types');
    this.size = options.size;
    this.nowSec = Math.floor(now.getTime() / 1000);
    this.rng = new SeededRandom(options.seed);
    this.plant = [];
    for (const [kind, count] of Object.entries(options.plant ?? {})) {
      if (!PLANTED_PROBLEM_KINDS.includes(kind as PlantedProblemKind)) throw new RangeError(`unknown planted problem kind '${kind}'`);
      if (count === undefined) continue;
      if (!Number.isInteger(count) || count < 0) throw new RangeError(`plant.${kind} must be a whole number >= 0 (got ${count})`);
    }
    for (const kind of PLANTED_PROBLEM_KINDS) {
      const count = options.plant?.[kind] ?? 0;
      if (count > 0) this.plant.push([kind, count]);
    }
    this.methodWeights = store.manualPaymentTypes.map((m) => [m, /credit/i.test(m) ? 8 : /adjust/i.test(m) ? 1 : 3]);
    this.trickyOffset = this.rng.fork('tricky').int(0, TRICKY_CONTACT_EVERY - 1);
  }

  private plantCount(kind: PlantedProblemKind): number {
    return this.plant.find(([k]) => k === kind)?.[1] ?? 0;
  }

  run(): GenerateResult {
    const target = targetCounts(this.size);
    this.generateCompanies(target.companies, this.plantCount('dangling-company'));
    this.generateProducts(target.products, this.plantCount('dangling-product'), Math.floor(this.plantCount('orphan-subscription') / 2));
    this.generateTags(target.tags, this.plantCount('dangling-tag'));
    this.generateCampaigns(target.campaigns);
    this.generateContacts(this.size);
    this.generateContactTags();
    this.generateOrders(target.orders);
    this.generateSubscriptions(target.subscriptions);
    this.plantProblems();
    return { counts: this.counts(), planted: this.planted };
  }

  // ---------------------------------------------------------------------------------------- time

  /** `n` random instants in [from, to], ascending. */
  private sortedTimes(rng: SeededRandom, n: number, from: number, to: number): number[] {
    const times = new Float64Array(n);
    for (let i = 0; i < n; i++) times[i] = rng.int(from, to);
    times.sort();
    return Array.from(times);
  }

  /** At or after `from`, at or before `to` (both seconds); `from` when the window is empty. */
  private between(rng: SeededRandom, from: number, to: number): number {
    return to <= from ? from : rng.int(from, to);
  }

  // ---------------------------------------------------------------------------------------- companies

  private generateCompanies(count: number, doomed: number): void {
    const rng = this.rng.fork('companies');
    const total = count + doomed;
    const doomedAt = new Set(rng.sample(Array.from({ length: total }, (_, i) => i), doomed));
    const times = this.sortedTimes(rng, total, this.nowSec - 3 * YEAR - 30 * DAY, this.nowSec - 2 * DAY);
    let serial = 0;
    for (let i = 0; i < total; i++) {
      const createSec = times[i];
      const isDoomed = doomedAt.has(i);
      const name = !isDoomed && serial % TRICKY_COMPANY_EVERY === 5
        ? TRICKY_COMPANY_NAMES[Math.floor(serial / TRICKY_COMPANY_EVERY) % TRICKY_COMPANY_NAMES.length]
        : this.companyName(rng);
      if (!isDoomed) serial++;
      const us = rng.chance(0.85);
      const address = us ? this.usAddress(rng, 'OTHER') : this.intlAddress(rng, rng.pick(COUNTRIES), 'OTHER');
      const slug = slugOf(name) || 'company';
      const record: CompanyRecord = {
        id: this.store.companies.allocateId(),
        company_name: name,
        email_address: rng.chance(0.7) ? { email: `info.${slug.slice(0, 20)}${i + 1}@${rng.pick(WORK_DOMAINS)}`, field: 'EMAIL1' } : undefined,
        phone_number: rng.chance(0.8) ? { number: us ? this.usPhone(rng, address.region_code) : COUNTRY_BY_CODE.get(address.country_code!)!.phone(rng), field: 'PHONE1', type: 'Work' } : undefined,
        address: rng.chance(0.75) ? address : undefined,
        website: rng.chance(0.6) ? `https://www.${slug.slice(0, 24)}.example` : undefined,
        notes: rng.chance(0.15) ? rng.pick(['Net 30 terms', 'Prefers e-mail <not phone>', 'Key account & reseller', 'Billing contact: "Accounts Payable"']) : undefined,
        custom: {},
        create_time: iso(createSec),
        update_time: iso(rng.chance(0.5) ? createSec : this.between(rng, createSec, this.nowSec - HOUR)),
        extra: {},
      };
      this.store.companies.insert(record);
      if (isDoomed) this.doomedCompanies.push(record);
      else {
        this.linkableCompanies.push(record);
        this.companyTimes.push(createSec);
      }
    }
  }

  private companyName(rng: SeededRandom): string {
    const r = rng.next();
    if (r < 0.2) return `${rng.pick(ANGLO_FAMILY)} & ${rng.pick(ANGLO_FAMILY)}`;
    if (r < 0.3) {
      const locale = rng.pick(LOCALES);
      return `${displayOf(rng.pick(locale.family))} ${rng.pick(COMPANY_TRADE)}`;
    }
    return `${rng.pick(COMPANY_PREFIX)} ${rng.pick(COMPANY_TRADE)} ${rng.pick(COMPANY_SUFFIX)}`.trim();
  }

  // ---------------------------------------------------------------------------------------- products and plans

  private generateProducts(count: number, doomedForItems: number, doomedForSubs: number): void {
    const rng = this.rng.fork('products');
    const doomed = doomedForItems + doomedForSubs;
    const total = count + doomed;
    const doomedAt = rng.sample(Array.from({ length: total }, (_, i) => i), doomed);
    const forItems = new Set(doomedAt.slice(0, doomedForItems));
    const forSubs = new Set(doomedAt.slice(doomedForItems));
    // The catalog is set up before the first contact arrives, so every order is after its products.
    const times = this.sortedTimes(rng, total, this.nowSec - 3 * YEAR - 180 * DAY, this.nowSec - 3 * YEAR - DAY);
    const regular: ProductRecord[] = [];
    let serial = 0;
    for (let i = 0; i < total; i++) {
      const isDoomed = forItems.has(i) || forSubs.has(i);
      const [noun, shippable] = rng.pick(PRODUCT_NOUN);
      const name = !isDoomed && serial % TRICKY_PRODUCT_EVERY === 4
        ? TRICKY_PRODUCT_NAMES[Math.floor(serial / TRICKY_PRODUCT_EVERY) % TRICKY_PRODUCT_NAMES.length]
        : isDoomed ? `Discontinued ${rng.pick(PRODUCT_ADJ)} ${noun}` : `${rng.pick(PRODUCT_ADJ)} ${noun}${rng.pick(PRODUCT_VARIANT)}`;
      if (!isDoomed) serial++;
      const id = this.store.products.allocateId();
      const createSec = times[i];
      const record: ProductRecord = {
        id,
        name,
        sku: `${(slugOf(noun).slice(0, 3) || 'prd').toUpperCase()}-${String(1000 + i)}`,
        price_cents: this.price(rng),
        active: isDoomed ? rng.chance(0.5) : !rng.chance(0.05),
        description: rng.chance(0.6) ? `<p>${name.replace(/</g, '&lt;')} — our ${noun.toLowerCase()}.</p><ul><li>Satisfaction guaranteed</li></ul>` : undefined,
        short_description: `${noun}${shippable ? ', ships in 2–3 days' : ''}`,
        shippable,
        taxable: shippable ? rng.chance(0.8) : rng.chance(0.2),
        subscription_only: false,
        create_time: iso(createSec),
        update_time: iso(rng.chance(0.4) ? createSec : this.between(rng, createSec, this.nowSec - DAY)),
        extra: {},
      };
      this.store.products.insert(record);
      if (forItems.has(i)) this.doomedItemProducts.push(record);
      else if (forSubs.has(i)) this.doomedPlanProducts.push({ product: record });
      else regular.push(record);
    }
    // Plans, in product order so plan ids follow product ids; doomed subscription products get one each.
    const withPlans = new Set<number>();
    for (const p of regular) if (rng.chance(0.25)) withPlans.add(p.id);
    if (!withPlans.size && regular.length) withPlans.add(regular[rng.int(0, regular.length - 1)].id);
    const doomedByProduct = new Map(this.doomedPlanProducts.map((d) => [d.product.id, d]));
    for (const p of this.store.products.values()) {
      const doomedEntry = doomedByProduct.get(p.id);
      if (!withPlans.has(p.id) && !doomedEntry) continue;
      const n = doomedEntry ? 1 : rng.chance(0.35) ? 2 : 1;
      for (let k = 0; k < n; k++) {
        const plan = this.store.plans.insert(this.planFor(rng, p, k));
        if (doomedEntry) doomedEntry.plan = plan;
        else this.plans.push(plan);
      }
      // Some products are sold only as subscriptions (and so never appear as plain order items).
      if (!doomedEntry && rng.chance(0.3)) p.subscription_only = true;
    }
    this.catalog = regular.filter((p) => !p.subscription_only);
    if (!this.catalog.length && regular.length) {
      regular[0].subscription_only = false;
      this.catalog = [regular[0]];
    }
    // Popular products first: orders pick from the front of this list more often.
    rng.shuffle(this.catalog);
  }

  private price(rng: SeededRandom): number {
    const dollars = Math.floor(Math.exp(rng.float(Math.log(5), Math.log(2000))));
    const style = rng.next();
    let cents: number;
    if (style < 0.4) cents = Math.max(4, dollars - 1) * 100 + 99;
    else if (style < 0.6) cents = Math.max(5, Math.round(dollars / 5) * 5) * 100;
    else if (style < 0.75) cents = Math.max(4, dollars - 1) * 100 + 95;
    else if (style < 0.85) cents = dollars * 100 + 50;
    else cents = dollars * 100 + rng.int(1, 98);
    return clamp(cents, 500, 200_000);
  }

  private planFor(rng: SeededRandom, product: ProductRecord, index: number): PlanRecord {
    const cycle = rng.weighted<CycleType>([['MONTHLY', 60], ['YEARLY', 25], ['WEEKLY', 10], ['DAILY', 5]]);
    const frequency = cycle === 'MONTHLY' ? rng.weighted([[1, 80], [3, 15], [6, 5]]) : 1;
    const divisor = { DAILY: 300, WEEKLY: 40, MONTHLY: 10 / frequency, YEARLY: 1 }[cycle];
    const raw = Math.max(199, Math.round(product.price_cents / divisor));
    return {
      id: this.store.plans.allocateId(),
      product_id: product.id,
      cycle_type: cycle,
      frequency,
      total_cycles: rng.chance(0.75) ? 0 : rng.pick([3, 6, 12, 24]),
      price_cents: Math.floor(raw / 100) * 100 + 99,
      active: rng.chance(0.9),
      allow_prorating: rng.chance(0.3),
      display_order_index: index,
    };
  }

  // ---------------------------------------------------------------------------------------- tags and campaigns

  private generateTags(count: number, doomed: number): void {
    const rng = this.rng.fork('tags');
    const total = count + doomed;
    const doomedAt = new Set(rng.sample(Array.from({ length: total }, (_, i) => i), doomed));
    const times = this.sortedTimes(rng, total, this.nowSec - 3 * YEAR - 120 * DAY, this.nowSec - 3 * YEAR - DAY);
    const used = new Set<string>();
    const order = rng.shuffle([...TAG_BASE]);
    let serial = 0;
    for (let i = 0; i < total; i++) {
      const isDoomed = doomedAt.has(i);
      let name: string;
      if (isDoomed) name = `Old list ${i + 1}`;
      else if (serial % TRICKY_TAG_EVERY === 3 && !used.has(TRICKY_TAG_NAMES[Math.floor(serial / TRICKY_TAG_EVERY) % TRICKY_TAG_NAMES.length].toLowerCase())) {
        name = TRICKY_TAG_NAMES[Math.floor(serial / TRICKY_TAG_EVERY) % TRICKY_TAG_NAMES.length];
      } else {
        const base = order[serial % order.length];
        const round = Math.floor(serial / order.length);
        name = round === 0 ? base : `${base} #${round + 1}`;
      }
      for (let n = 2; used.has(name.toLowerCase()); n++) name = `${name} (${n})`;
      used.add(name.toLowerCase());
      if (!isDoomed) serial++;
      const record: TagRecord = {
        id: this.store.tags.allocateId(),
        name,
        description: rng.chance(0.3) ? `Applied by ${rng.pick(['web form', 'campaign', 'import', 'staff'])}` : undefined,
        create_time: iso(times[i]),
        update_time: iso(times[i]),
      };
      this.store.tags.insert(record);
      if (isDoomed) this.doomedTags.push(record);
      else this.usableTags.push(record);
    }
    rng.shuffle(this.usableTags);
  }

  private generateCampaigns(count: number): void {
    const rng = this.rng.fork('campaigns');
    const times = this.sortedTimes(rng, count, this.nowSec - 3 * YEAR - 90 * DAY, this.nowSec - 30 * DAY);
    for (let i = 0; i < count; i++) {
      const published = rng.chance(0.8);
      const base = CAMPAIGN_NAMES[i % CAMPAIGN_NAMES.length];
      const record: CampaignRecord = {
        id: this.store.campaigns.allocateId(),
        name: i < CAMPAIGN_NAMES.length ? base : `${base} ${Math.floor(i / CAMPAIGN_NAMES.length) + 1}`,
        locked: rng.chance(0.1),
        date_created: iso(times[i]),
        published_date: published ? iso(this.between(rng, times[i] + HOUR, this.nowSec - DAY)) : undefined,
        published_status: published,
        time_zone: rng.pick(TIME_ZONES),
        active_contact_count: published ? rng.int(0, Math.max(1, Math.floor(this.size / 5))) : 0,
        completed_contact_count: published ? rng.int(0, Math.max(1, Math.floor(this.size / 3))) : 0,
      };
      this.store.campaigns.insert(record);
    }
  }

  // ---------------------------------------------------------------------------------------- contacts

  private generateContacts(count: number): void {
    const rng = this.rng.fork('contacts');
    const times = this.sortedTimes(rng, count, this.nowSec - 3 * YEAR, this.nowSec - 2 * DAY);
    for (let i = 0; i < count; i++) {
      // A few ids are skipped, as contacts deleted over the years leave gaps.
      if (rng.chance(0.01)) this.store.contacts.allocateId();
      this.addContact(rng, times[i]);
    }
  }

  private addContact(rng: SeededRandom, createSec: number): ContactMeta {
    const serial = this.contactSerial++;
    let given: string;
    let family: string;
    let givenSlug: string;
    let familySlug: string;
    let localeCountry: string | undefined;
    if (serial % TRICKY_CONTACT_EVERY === this.trickyOffset) {
      const tricky = TRICKY_CONTACT_NAMES[Math.floor(serial / TRICKY_CONTACT_EVERY) % TRICKY_CONTACT_NAMES.length];
      given = tricky.given_name;
      family = tricky.family_name;
      givenSlug = slugOf(given);
      familySlug = slugOf(family);
    } else if (rng.chance(0.22)) {
      const locale = rng.pick(LOCALES);
      const g = rng.pick(locale.given);
      const f = rng.pick(locale.family);
      given = displayOf(g);
      family = displayOf(f);
      givenSlug = slugOf(g);
      familySlug = slugOf(f);
      localeCountry = locale.country;
    } else {
      given = rng.pick(ANGLO_GIVEN);
      family = rng.pick(ANGLO_FAMILY);
      givenSlug = given.toLowerCase();
      familySlug = family.toLowerCase();
    }
    givenSlug ||= 'contact';
    familySlug ||= 'name';
    const n = serial + 1;

    const phoneOnly = rng.chance(0.02);
    const emails: EmailAddress[] = [];
    if (!phoneOnly) {
      // Slugs hold letters only, so the trailing counter keeps every address unique.
      const local = rng.weighted<string>([
        [`${givenSlug}.${familySlug}${n}`, 5], [`${givenSlug[0]}${familySlug}${n}`, 3], [`${givenSlug}_${familySlug}${n}`, 1], [`${familySlug}.${givenSlug}${n}`, 1],
      ]);
      emails.push({ email: `${local}@${rng.pick(EMAIL_DOMAINS)}`, field: 'EMAIL1', opt_in_reason: rng.chance(0.4) ? 'Customer opted in through a web form' : undefined });
      if (rng.chance(0.1)) emails.push({ email: `${givenSlug}.${familySlug}${n}@${rng.pick(WORK_DOMAINS)}`, field: 'EMAIL2' });
    }

    const us = localeCountry && COUNTRY_BY_CODE.has(localeCountry) && rng.chance(0.6) ? false : rng.chance(0.88);
    const country = us ? undefined : COUNTRY_BY_CODE.get(localeCountry ?? '') ?? rng.pick(COUNTRIES);
    const addresses: Address[] = [];
    if (phoneOnly ? rng.chance(0.2) : rng.chance(0.6)) {
      addresses.push(country ? this.intlAddress(rng, country, 'BILLING') : this.usAddress(rng, 'BILLING'));
      if (rng.chance(0.12)) addresses.push(country ? this.intlAddress(rng, country, 'SHIPPING') : this.usAddress(rng, 'SHIPPING'));
    }
    const phones: PhoneNumber[] = [];
    if (phoneOnly || rng.chance(0.7)) {
      const number = country ? country.phone(rng) : this.usPhone(rng, addresses[0]?.region_code);
      phones.push({ number, type: rng.pick(['Mobile', 'Mobile', 'Home', 'Work']), field: 'PHONE1' });
      if (rng.chance(0.1)) phones.push({ number: country ? country.phone(rng) : this.usPhone(rng, undefined), type: 'Work', extension: rng.chance(0.5) ? String(rng.int(100, 999)) : undefined, field: 'PHONE2' });
    }

    let companyId: number | undefined;
    if (rng.chance(1 / 3)) {
      // Link to a company that existed when the contact was created.
      const upTo = upperBound(this.companyTimes, createSec);
      if (upTo > 0) companyId = this.linkableCompanies[rng.int(0, upTo - 1)].id;
    }
    const record: ContactRecord = {
      id: this.store.contacts.allocateId(),
      given_name: given,
      family_name: family,
      middle_name: rng.chance(0.08) ? `${rng.pick(ANGLO_GIVEN)[0]}.` : undefined,
      email_addresses: emails,
      phone_numbers: phones,
      addresses,
      company_id: companyId,
      job_title: companyId !== undefined && rng.chance(0.5) ? rng.pick(JOB_TITLES) : undefined,
      custom: {},
      create_time: iso(createSec),
      update_time: iso(rng.chance(0.5) ? createSec : this.between(rng, createSec, this.nowSec - MIN)),
      extra: {},
    };
    this.store.contacts.insert(record);
    const meta: ContactMeta = { record, createSec, orders: [], subs: [] };
    this.contacts.push(meta);
    return meta;
  }

  private usAddress(rng: SeededRandom, field: Address['field']): Address {
    const [locality, region, regionCode, zip] = rng.pick(US_CITIES);
    return {
      field,
      line1: `${rng.int(1, 9999)} ${rng.pick(US_STREETS)}`,
      line2: rng.chance(0.15) ? rng.pick([`Apt ${rng.int(1, 30)}${rng.pick(['A', 'B', 'C'])}`, `Suite ${rng.int(100, 900)}`, `Unit #${rng.int(1, 99)}`]) : undefined,
      locality,
      region,
      region_code: regionCode,
      country_code: 'USA',
      zip_code: zip,
      zip_four: rng.chance(0.3) ? String(rng.int(1000, 9999)) : undefined,
    };
  }

  private intlAddress(rng: SeededRandom, country: Country, field: Address['field']): Address {
    const [locality, region, regionCode, postal] = rng.pick(country.cities);
    const street = rng.pick(country.streets);
    return {
      field,
      line1: country.code === 'JPN' || country.code === 'CHN' ? street : `${street} ${rng.int(1, 250)}`,
      locality,
      region,
      region_code: regionCode,
      country_code: country.code,
      postal_code: postal,
    };
  }

  private usPhone(rng: SeededRandom, regionCode: string | undefined): string {
    const city = US_CITIES.find((c) => c[2] === regionCode) ?? rng.pick(US_CITIES);
    const line = `555-0${rng.int(100, 199)}`;
    return rng.weighted<string>([[`(${city[4]}) ${line}`, 5], [`${city[4]}-${line}`, 3], [`+1 ${city[4]} ${line.replace('-', ' ')}`, 2]]);
  }

  private generateContactTags(): void {
    const rng = this.rng.fork('contact-tags');
    const tags = this.usableTags;
    if (!tags.length) return;
    for (const meta of this.contacts) {
      const k = Math.min(tags.length, rng.weighted(TAG_COUNT_WEIGHTS));
      if (!k) continue;
      const chosen = new Set<number>();
      while (chosen.size < k) {
        // Skewed towards the front of the (shuffled) tag list: some tags are far more common.
        chosen.add(tags[Math.floor(tags.length * Math.pow(rng.next(), 1.7))].id);
      }
      const applied = new Map<number, string>();
      for (const tagId of [...chosen].sort((a, b) => a - b)) {
        applied.set(tagId, iso(this.between(rng, meta.createSec + 1, this.nowSec - MIN)));
      }
      this.store.contactTags.set(meta.record.id, applied);
    }
  }

  // ---------------------------------------------------------------------------------------- orders and payments

  private generateOrders(target: number): void {
    const rng = this.rng.fork('orders');
    const n = this.contacts.length;
    if (!n || !this.catalog.length) return;
    // Orders land on contacts at random, with a pool of repeat customers getting a quarter of them.
    const perContact = new Uint16Array(n);
    const repeat = rng.sample(Array.from({ length: n }, (_, i) => i), Math.max(1, Math.ceil(n * 0.15)));
    for (let j = 0; j < target; j++) {
      const ci = rng.chance(0.25) ? repeat[rng.int(0, repeat.length - 1)] : rng.int(0, n - 1);
      if (perContact[ci] < 65535) perContact[ci]++;
    }
    // Times: a contact's orders fall in equal slots of [created + 1 min, now - 1 h], at least 2 h apart,
    // so that no two of them look like a double submission.
    const gap = 2 * HOUR;
    const specs: Array<{ contact: ContactMeta; sec: number }> = [];
    for (let ci = 0; ci < n; ci++) {
      let k = perContact[ci];
      if (!k) continue;
      const contact = this.contacts[ci];
      const start = contact.createSec + MIN;
      const end = this.nowSec - HOUR;
      k = Math.min(k, Math.floor((end - start) / (gap + HOUR)));
      if (k <= 0) continue;
      const slot = (end - start) / k;
      for (let s = 0; s < k; s++) {
        const from = Math.ceil(start + s * slot);
        const to = Math.floor(start + (s + 1) * slot - gap);
        // Often the first order is the checkout that created the contact.
        const sec = s === 0 && rng.chance(0.4) ? this.between(rng, from, Math.min(to, from + 30 * MIN)) : this.between(rng, from, to);
        specs.push({ contact, sec });
      }
    }
    specs.sort((a, b) => a.sec - b.sec || a.contact.record.id - b.contact.record.id);
    const pending: PaymentRecord[] = [];
    for (const spec of specs) {
      // Gaps: orders deleted before payment, invoices of subscription billing runs.
      if (rng.chance(0.01)) this.store.orders.allocateId();
      if (rng.chance(0.04)) this.store.allocateInvoiceId();
      const shapeRoll = rng.next();
      const shape: PaymentShape = shapeRoll < 0.6 ? (rng.chance(0.7) ? 'full1' : 'full2') : shapeRoll < 0.8 ? 'partial' : 'unpaid';
      const meta = this.buildOrder(rng, spec.contact, spec.sec, shape);
      pending.push(...meta.payments);
    }
    // Payment ids follow pay time, like Keap's.
    pending.sort((a, b) => (a.pay_time < b.pay_time ? -1 : a.pay_time > b.pay_time ? 1 : a.order_id - b.order_id));
    for (const payment of pending) this.finishPayment(rng, payment);
  }

  /** Builds and inserts an order; its payments are returned unnumbered (see finishPayment). */
  private buildOrder(rng: SeededRandom, contact: ContactMeta, orderSec: number, shape: PaymentShape): OrderMeta {
    const c = contact.record;
    const id = this.store.orders.allocateId();
    const invoiceId = this.store.allocateInvoiceId();
    const source = rng.weighted(SOURCE_WEIGHTS);
    const orderType: OrderRecord['order_type'] =
      source === 'CHECKOUT_FORM' ? 'ONLINE'
        : source === 'API' ? (rng.chance(0.8) ? 'ONLINE' : 'OFFLINE')
          : source === 'UNKNOWN' ? rng.pick(['ONLINE', 'OFFLINE'] as const)
            : source === 'INVOICE' ? (rng.chance(0.7) ? 'OFFLINE' : 'ONLINE') : 'OFFLINE';

    // Items: 1–5 lines, mostly distinct products at their price, sometimes shipping, tax or a discount.
    const lines = rng.weighted(LINE_COUNT_WEIGHTS);
    const productLines = Math.min(this.catalog.length, Math.max(1, lines - (lines > 1 && rng.chance(0.3) ? 1 : 0)));
    const chosen = new Set<ProductRecord>();
    for (let tries = 0; chosen.size < productLines && tries < 50; tries++) {
      chosen.add(this.catalog[Math.floor(this.catalog.length * Math.pow(rng.next(), 1.6))]);
    }
    for (let i = 0; chosen.size < productLines; i++) chosen.add(this.catalog[i]);
    const items: OrderItemRecord[] = [];
    let subtotal = 0;
    let taxable = 0;
    let shippable = false;
    for (const p of chosen) {
      const quantity = rng.chance(0.85) ? 1 : rng.int(2, 5);
      items.push({
        id: this.store.allocateItemId(),
        product_id: p.id,
        product_name: p.name,
        product_sku: p.sku,
        name: p.name,
        description: p.short_description,
        quantity,
        price_cents: p.price_cents,
        cost_cents: Math.round(p.price_cents * rng.float(0.3, 0.6)),
        item_type: 'PRODUCT',
      });
      subtotal += quantity * p.price_cents;
      if (p.taxable) taxable += quantity * p.price_cents;
      shippable ||= p.shippable;
    }
    const promoCodes: string[] = [];
    const shipTo = c.addresses.find((a) => a.field === 'SHIPPING') ?? c.addresses[0];
    if (items.length < 5 && rng.chance(0.08)) {
      const [code, pct] = rng.pick(PROMO_CODES);
      promoCodes.push(code);
      items.push({ id: this.store.allocateItemId(), name: `Discount (${code})`, quantity: 1, price_cents: -Math.max(1, Math.round((subtotal * pct) / 100)), cost_cents: 0, item_type: 'DISCOUNT' });
    }
    let extra: Record<string, unknown> = {};
    if (items.length < 5 && shippable && shipTo && rng.chance(0.5)) {
      const express = rng.chance(0.2);
      items.push({ id: this.store.allocateItemId(), name: express ? 'Express Shipping' : 'Standard Shipping', quantity: 1, price_cents: express ? rng.pick([1995, 2495]) : rng.pick([495, 595, 795, 995]), cost_cents: 0, item_type: 'SHIPPING' });
      extra = {
        shipping_address: {
          line1: shipTo.line1, line2: shipTo.line2, locality: shipTo.locality, region: shipTo.region,
          zip_code: shipTo.zip_code ?? shipTo.postal_code, country_code: shipTo.country_code,
          first_name: c.given_name, last_name: c.family_name,
        },
      };
    }
    if (items.length < 5 && taxable > 0 && rng.chance(0.1)) {
      const tax = Math.round(taxable * rng.pick([0.0625, 0.0725, 0.08, 0.0875]));
      if (tax > 0) items.push({ id: this.store.allocateItemId(), name: 'Sales Tax', quantity: 1, price_cents: tax, cost_cents: 0, item_type: 'TAX' });
    }
    // However wide a validator's duplicate-order window, a contact's own orders within 3 days never
    // repeat the same lines (a repeat purchase gets one more unit of its first product).
    for (let tries = 0; tries < 5 && this.repeatsRecentOrder(contact, orderSec, items); tries++) items[0].quantity++;
    const total = itemsTotal(items);

    const contactName = [c.given_name, c.family_name].filter(Boolean).join(' ');
    const first = [...chosen][0];
    const title = source === 'INVOICE' ? `Invoice #${invoiceId}`
      : rng.weighted<string>([[first.name, 4], [`Order for ${contactName}`, 3], [`Web order ${id}`, source === 'CHECKOUT_FORM' ? 2 : 0], [`${first.name} - ${contactName}`, 1]]);
    const creationSec = Math.min(this.nowSec - MIN, orderSec + rng.int(0, 120));
    const sentSec = source === 'INVOICE' ? Math.min(this.nowSec - MIN, orderSec + rng.int(0, 2 * DAY)) : undefined;

    const payments = this.buildPayments(rng, id, invoiceId, c.id, orderSec, total, shape);
    // Recording a payment touches the order; a payment's update_time is at most 5 s after its pay_time.
    let modificationSec = creationSec;
    if (payments.length) modificationSec = Math.max(creationSec, Math.min(this.nowSec, this.lastPaySec + 5));

    const order: OrderRecord = {
      id,
      invoice_id: invoiceId,
      contact_id: c.id,
      title,
      order_type: orderType,
      source_type: source,
      order_time: iso(orderSec),
      creation_time: iso(creationSec),
      modification_time: iso(modificationSec),
      sent_time: sentSec !== undefined ? iso(sentSec) : undefined,
      due_time: sentSec !== undefined ? iso(sentSec + 30 * DAY) : undefined,
      notes: rng.chance(0.06) ? rng.pick(ORDER_NOTES) : undefined,
      terms: source === 'INVOICE' ? 'Net 30' : undefined,
      promo_codes: promoCodes,
      items,
      custom: {},
      extra,
    };
    this.store.insertOrder(order);
    const meta: OrderMeta = { order, contact, shape, timeSec: orderSec, total, payments };
    contact.orders.push(meta);
    return meta;
  }

  private repeatsRecentOrder(contact: ContactMeta, orderSec: number, items: readonly OrderItemRecord[]): boolean {
    let signature: string | undefined;
    for (let i = contact.orders.length - 1; i >= 0; i--) {
      const other = contact.orders[i];
      if (Math.abs(other.timeSec - orderSec) > 3 * DAY) continue;
      signature ??= itemSignature(items);
      if (itemSignature(other.order.items) === signature) return true;
    }
    return false;
  }

  /** Payments for `shape`, strictly after the order and each other, before now; ids left at 0. */
  private buildPayments(rng: SeededRandom, orderId: number, invoiceId: number, contactId: number, orderSec: number, total: number, shape: PaymentShape): PaymentRecord[] {
    let amounts: number[];
    switch (shape) {
      case 'unpaid':
        return [];
      case 'full1':
        amounts = [total];
        break;
      case 'full2': {
        const a = clamp(Math.round(total * rng.float(0.3, 0.7)), 1, total - 1);
        amounts = total > 1 ? [a, total - a] : [total];
        break;
      }
      case 'partial': {
        if (total < 2) return [];
        if (rng.chance(0.75)) {
          let a = Math.round(total * rng.float(0.1, 0.9));
          if (total >= 2000 && rng.chance(0.5)) a = Math.round(a / 100) * 100; // a round-dollar deposit
          amounts = [clamp(a, 1, total - 1)];
        } else {
          const a = clamp(Math.round(total * rng.float(0.1, 0.4)), 1, total - 1);
          const b = clamp(Math.round(total * rng.float(0.1, 0.4)), 1, total - 1 - a);
          amounts = b >= 1 ? [a, b] : [a];
        }
        break;
      }
    }
    // Offsets after the order: often at checkout, otherwise days or weeks later; squeezed into the window.
    const offsets: number[] = [];
    let offset = 0;
    for (let i = 0; i < amounts.length; i++) {
      offset += i === 0 ? (rng.chance(0.45) ? rng.int(1, 10 * MIN) : rng.int(HOUR, 45 * DAY)) : rng.int(DAY, 60 * DAY);
      offsets.push(offset);
    }
    const room = this.nowSec - MIN - orderSec;
    if (offset > room) {
      const scale = room / offset;
      let previous = 0;
      for (let i = 0; i < offsets.length; i++) previous = offsets[i] = Math.max(previous + 1, Math.floor(offsets[i] * scale));
    }
    this.lastPaySec = orderSec + offsets[offsets.length - 1];
    return amounts.map((amount, i) => this.paymentRecord(rng, orderId, invoiceId, contactId, amount, orderSec + offsets[i]));
  }

  private paymentRecord(rng: SeededRandom, orderId: number, invoiceId: number, contactId: number, amount: number, paySec: number): PaymentRecord {
    const method = rng.weighted(this.methodWeights);
    return {
      id: 0,
      invoice_payment_id: 0,
      order_id: orderId,
      invoice_id: invoiceId,
      contact_id: contactId,
      amount_cents: amount,
      method_type: method,
      pay_time: iso(paySec),
      update_time: iso(Math.min(this.nowSec, paySec + rng.int(0, 5))),
      note: /check/i.test(method) ? `Check #${rng.int(1001, 9999)}` : rng.chance(0.05) ? 'Paid in full — thanks!' : undefined,
      pay_status: rng.chance(0.92) ? 'MANUAL_PAID' : 'APPROVED',
      skip_commission: rng.chance(0.2),
      transaction_id: 0,
    };
  }

  /** Numbers a payment with Keap-like ids and inserts it. */
  private finishPayment(rng: SeededRandom, payment: PaymentRecord): PaymentRecord {
    if (rng.chance(0.05)) this.store.allocateTransactionId(); // a declined charge's transaction
    payment.id = this.store.payments.allocateId();
    payment.invoice_payment_id = this.store.allocateInvoicePaymentId();
    payment.transaction_id = this.store.allocateTransactionId();
    return this.store.insertPayment(payment);
  }

  // ---------------------------------------------------------------------------------------- subscriptions

  private generateSubscriptions(target: number): void {
    const rng = this.rng.fork('subscriptions');
    const eligible = this.contacts.filter((c) => c.createSec < this.nowSec - 3 * DAY);
    if (!eligible.length || !this.plans.length) return;
    const activePlans = this.plans.filter((p) => p.active);
    const taken = new Set<string>();
    const specs: Array<{ contact: ContactMeta; plan: PlanRecord; startSec: number }> = [];
    for (let i = 0; i < target; i++) {
      for (let tries = 0; tries < 5; tries++) {
        const contact = rng.pick(eligible);
        const plan = activePlans.length && rng.chance(0.95) ? rng.pick(activePlans) : rng.pick(this.plans);
        const key = `${contact.record.id}:${plan.id}`;
        if (taken.has(key)) continue;
        taken.add(key);
        specs.push({ contact, plan, startSec: this.between(rng, contact.createSec + MIN, this.nowSec - 2 * DAY) });
        break;
      }
    }
    specs.sort((a, b) => a.startSec - b.startSec || a.contact.record.id - b.contact.record.id);
    for (const spec of specs) this.buildSubscription(rng, spec.contact, spec.plan, spec.startSec);
  }

  private buildSubscription(rng: SeededRandom, contact: ContactMeta, plan: PlanRecord, startSec: number): SubscriptionRecord {
    const quantity = rng.chance(0.9) ? 1 : 2;
    const startDay = Math.floor(startSec / DAY);
    const todayDay = Math.floor(this.nowSec / DAY);
    // Bills so far: the start date, then every cycle up to today.
    const billsSoFar = cyclesBetween(startDay, todayDay, plan.cycle_type, plan.frequency) + 1;
    const finished = plan.total_cycles > 0 && billsSoFar >= plan.total_cycles;
    const cancelled = !finished && rng.chance(0.22);
    let lastBillDay = addCycles(startDay, plan.cycle_type, plan.frequency, (finished ? plan.total_cycles : billsSoFar) - 1);
    let endDay: number | undefined;
    if (finished) endDay = lastBillDay;
    else if (cancelled) {
      endDay = rng.int(startDay, todayDay - 1);
      const billsBeforeEnd = cyclesBetween(startDay, endDay, plan.cycle_type, plan.frequency);
      lastBillDay = addCycles(startDay, plan.cycle_type, plan.frequency, billsBeforeEnd);
    }
    const active = !finished && !cancelled;
    const nextBillDay = active ? addCycles(startDay, plan.cycle_type, plan.frequency, billsSoFar) : undefined;
    const record: SubscriptionRecord = {
      id: this.store.subscriptions.allocateId(),
      contact_id: contact.record.id,
      product_id: plan.product_id,
      subscription_plan_id: plan.id,
      quantity,
      active,
      billing_amount_cents: plan.price_cents * quantity,
      start_date: isoDate(startDay * DAY),
      next_bill_date: nextBillDay !== undefined ? isoDate(nextBillDay * DAY) : undefined,
      last_bill_date: isoDate(lastBillDay * DAY),
      end_date: endDay !== undefined ? isoDate(endDay * DAY) : undefined,
      auto_charge: rng.chance(0.85),
      custom: {},
      modification_time: iso(this.between(rng, Math.max(startSec, endDay !== undefined ? endDay * DAY : startSec), this.nowSec - MIN)),
      extra: {},
    };
    this.store.insertSubscription(record);
    contact.subs.push(record);
    return record;
  }

  // ---------------------------------------------------------------------------------------- planting

  private plantProblems(): void {
    for (const [kind, count] of this.plant) {
      const rng = this.rng.fork(`plant:${kind}`);
      for (let i = 0; i < count; i++) this.plantOne(rng, kind, i);
    }
  }

  private readonly pickers = new Map<string, { order: number[]; cursor: number }>();

  /**
   * The next untouched, still existing contact (in a per-purpose random order) for which `fits`
   * finds a target; if none is left, a fresh contact made by `fallback`. The contact is then marked
   * touched, so no two plants share a contact (nor its orders, payments or subscriptions).
   */
  private claim<T>(rng: SeededRandom, purpose: string, fits: (c: ContactMeta) => T | undefined, fallback: (c: ContactMeta) => void): [ContactMeta, T] {
    let picker = this.pickers.get(purpose);
    if (!picker) {
      picker = { order: rng.shuffle(Array.from({ length: this.contacts.length }, (_, i) => i)), cursor: 0 };
      this.pickers.set(purpose, picker);
    }
    while (picker.cursor < picker.order.length) {
      const contact = this.contacts[picker.order[picker.cursor++]];
      if (this.touched.has(contact.record.id) || !this.store.contacts.has(contact.record.id)) continue;
      const target = fits(contact);
      if (target !== undefined) {
        this.touched.add(contact.record.id);
        return [contact, target];
      }
    }
    const contact = this.addContact(rng, this.between(rng, this.nowSec - 3 * YEAR, this.nowSec - 3 * DAY));
    fallback(contact);
    const target = fits(contact);
    if (target === undefined) throw new Error(`internal: fallback for ${purpose} does not fit`);
    this.touched.add(contact.record.id);
    return [contact, target];
  }

  /** A fresh order of the given shape for a fallback contact, its payments numbered and inserted. */
  private freshOrder(rng: SeededRandom, contact: ContactMeta, shape: PaymentShape): OrderMeta {
    const sec = this.between(rng, contact.createSec + MIN, this.nowSec - 3 * HOUR);
    const meta = this.buildOrder(rng, contact, sec, shape);
    for (const p of meta.payments) this.finishPayment(rng, p);
    return meta;
  }

  private firstOrder(contact: ContactMeta, fits: (o: OrderMeta) => boolean): OrderMeta | undefined {
    return contact.orders.find((o) => this.store.orders.has(o.order.id) && fits(o));
  }

  private record(kind: PlantedProblemKind, entity: string, ids: number[], note: string): void {
    this.planted.push({ kind, entity, ids: ids.map(String), note });
  }

  private removeContact(contact: ContactMeta): void {
    this.store.contactTags.delete(contact.record.id);
    this.store.contacts.delete(contact.record.id);
  }

  private plantOne(rng: SeededRandom, kind: PlantedProblemKind, i: number): void {
    const unpaid = (o: OrderMeta) => o.payments.length === 0;
    const withUnpaid = (shape: PaymentShape) => (c: ContactMeta) => { this.freshOrder(rng, c, shape); };
    // For plants that move an order in time: with no sibling orders, the move cannot make a look-alike pair.
    const onlyUnpaidOrder = (c: ContactMeta) => (c.orders.length === 1 && unpaid(c.orders[0]) ? c.orders[0] : undefined);
    switch (kind) {
      case 'orphan-order': {
        const [contact, order] = this.claim(rng, kind, (c) => (c.subs.length === 0 ? onlyUnpaidOrder(c) : undefined), withUnpaid('unpaid'));
        this.removeContact(contact);
        this.record(kind, 'order', [order.order.id], `order ${order.order.id}: its contact ${contact.record.id} was deleted (the contact had no other orders or subscriptions)`);
        break;
      }
      case 'dangling-product': {
        const [, order] = this.claim(rng, kind, (c) => this.firstOrder(c, () => true), withUnpaid('unpaid'));
        const product = this.doomedItemProducts[i];
        const productItems = order.order.items.filter((it) => it.item_type === 'PRODUCT');
        const item = rng.pick(productItems);
        Object.assign(item, { product_id: product.id, product_name: product.name, product_sku: product.sku, name: product.name, description: product.short_description });
        this.store.products.delete(product.id);
        this.record(kind, 'order_item', [order.order.id, item.id], `order ${order.order.id} item ${item.id} names product ${product.id}, which was deleted`);
        break;
      }
      case 'orphan-payment': {
        const [, order] = this.claim(rng, kind, (c) => this.firstOrder(c, (o) => o.payments.length === 1), withUnpaid('full1'));
        // Table.delete, not removeOrder: the payment must stay behind.
        this.store.orders.delete(order.order.id);
        const payment = order.payments[0];
        this.record(kind, 'payment', [payment.id], `payment ${payment.id}: its order ${order.order.id} was deleted`);
        break;
      }
      case 'duplicate-payment': {
        const [, order] = this.claim(rng, kind, (c) => this.firstOrder(c, (o) => unpaid(o) && o.total >= 2), withUnpaid('unpaid'));
        const amount = Math.max(1, Math.floor(order.total * rng.float(0.2, 0.5)));
        const paySec = this.between(rng, order.timeSec + 1, Math.min(this.nowSec - MIN, order.timeSec + 30 * DAY));
        const first = this.finishPayment(rng, this.paymentRecord(rng, order.order.id, order.order.invoice_id, order.order.contact_id, amount, paySec));
        const second = this.finishPayment(rng, { ...first });
        order.payments.push(first, second);
        this.record(kind, 'payment', [first.id, second.id], `payments ${first.id} and ${second.id} on order ${order.order.id} are the same payment recorded twice`);
        break;
      }
      case 'overpaid-order': {
        const lastPay = (o: OrderMeta) => Date.parse(o.payments[o.payments.length - 1].pay_time) / 1000;
        // Generated payments are all at least a minute before now, so there is room for one more.
        const [, order] = this.claim(rng, kind,
          (c) => this.firstOrder(c, (o) => (o.shape === 'full1' || o.shape === 'full2') && o.payments.length > 0 && lastPay(o) < this.nowSec - 2), withUnpaid('full1'));
        const amount = Math.max(1, Math.round(order.total * rng.float(0.05, 0.5)));
        const paySec = this.between(rng, lastPay(order) + 1, Math.min(this.nowSec - 1, lastPay(order) + 20 * DAY));
        const extraPayment = this.finishPayment(rng, this.paymentRecord(rng, order.order.id, order.order.invoice_id, order.order.contact_id, amount, paySec));
        order.payments.push(extraPayment);
        this.record(kind, 'order', [order.order.id], `order ${order.order.id} totals ${order.total} cents but payment ${extraPayment.id} brings payments to ${order.total + amount}`);
        break;
      }
      case 'total-mismatch': {
        const [, order] = this.claim(rng, kind, (c) => this.firstOrder(c, unpaid), withUnpaid('unpaid'));
        const delta = Math.max(1, Math.round(order.total * rng.float(0.01, 0.2)));
        const stored = rng.chance(0.5) || order.total - delta <= 0 ? order.total + delta : order.total - delta;
        order.order.total_override_cents = stored;
        this.record(kind, 'order', [order.order.id], `order ${order.order.id} stores total ${stored} cents, its items sum to ${order.total}`);
        break;
      }
      case 'paid-status-mismatch': {
        if (i % 2 === 0) {
          const [, order] = this.claim(rng, `${kind}:paid`, (c) => this.firstOrder(c, (o) => o.shape === 'unpaid' || o.shape === 'partial'), withUnpaid('partial'));
          order.order.status_override = 'PAID';
          this.record(kind, 'order', [order.order.id], `order ${order.order.id} says PAID with an amount still due`);
        } else {
          const [, order] = this.claim(rng, `${kind}:unpaid`, (c) => this.firstOrder(c, (o) => o.shape === 'full1' || o.shape === 'full2'), withUnpaid('full1'));
          order.order.status_override = order.order.sent_time ? 'SENT' : 'DRAFT';
          this.record(kind, 'order', [order.order.id], `order ${order.order.id} says ${order.order.status_override} though fully paid`);
        }
        break;
      }
      case 'orphan-subscription': {
        const withSub = (c: ContactMeta) => { this.buildSubscription(rng, c, rng.pick(this.plans), this.between(rng, c.createSec + MIN, this.nowSec - 2 * DAY)); };
        if (i % 2 === 0) {
          const [contact, sub] = this.claim(rng, `${kind}:contact`, (c) => (c.orders.length === 0 && c.subs.length === 1 ? c.subs[0] : undefined), withSub);
          this.removeContact(contact);
          this.record(kind, 'subscription', [sub.id], `subscription ${sub.id}: its contact ${contact.record.id} was deleted`);
        } else {
          const [, sub] = this.claim(rng, `${kind}:product`, (c) => (c.subs.length ? c.subs[0] : undefined), withSub);
          const doomed = this.doomedPlanProducts[Math.floor(i / 2)];
          const plan = doomed.plan!;
          sub.product_id = doomed.product.id;
          sub.subscription_plan_id = plan.id;
          sub.billing_amount_cents = plan.price_cents * sub.quantity;
          this.store.deleteProduct(doomed.product.id); // takes the product's plans with it, as Keap does
          this.record(kind, 'subscription', [sub.id], `subscription ${sub.id}: its product ${doomed.product.id} (plan ${plan.id}) was deleted`);
        }
        break;
      }
      case 'dangling-tag': {
        const [contact] = this.claim(rng, kind, () => true, () => undefined);
        const tag = this.doomedTags[i];
        let applied = this.store.contactTags.get(contact.record.id);
        if (!applied) this.store.contactTags.set(contact.record.id, (applied = new Map()));
        applied.set(tag.id, iso(this.between(rng, contact.createSec + 1, this.nowSec - MIN)));
        this.store.tags.delete(tag.id);
        this.record(kind, 'contact_tag', [contact.record.id, tag.id], `contact ${contact.record.id} carries tag ${tag.id}, which was deleted`);
        break;
      }
      case 'dangling-company': {
        const [contact] = this.claim(rng, kind, () => true, () => undefined);
        const company = this.doomedCompanies[i];
        contact.record.company_id = company.id;
        this.store.companies.delete(company.id);
        this.record(kind, 'contact', [contact.record.id], `contact ${contact.record.id} points at company ${company.id}, which was deleted`);
        break;
      }
      case 'future-order': {
        const [, order] = this.claim(rng, kind, onlyUnpaidOrder, withUnpaid('unpaid'));
        const sec = this.nowSec + rng.int(HOUR, 120 * DAY);
        order.order.order_time = iso(sec);
        order.timeSec = sec;
        this.record(kind, 'order', [order.order.id], `order ${order.order.id} is dated ${order.order.order_time}, after now`);
        break;
      }
      case 'order-before-contact': {
        const [contact, order] = this.claim(rng, kind, onlyUnpaidOrder, withUnpaid('unpaid'));
        const sec = contact.createSec - rng.int(HOUR, 180 * DAY);
        order.order.order_time = iso(sec);
        order.timeSec = sec;
        this.record(kind, 'order', [order.order.id], `order ${order.order.id} is dated ${order.order.order_time}, before its contact ${contact.record.id} was created (${contact.record.create_time})`);
        break;
      }
      case 'duplicate-order': {
        const [contact, original] = this.claim(rng, kind, (c) => this.firstOrder(c, () => true), withUnpaid('unpaid'));
        const o = original.order;
        const shift = rng.int(20, 5 * MIN);
        const id = this.store.orders.allocateId();
        const copy: OrderRecord = {
          ...o,
          id,
          invoice_id: this.store.allocateInvoiceId(),
          title: o.title.replace(/^Web order \d+$/, `Web order ${id}`),
          order_time: iso(original.timeSec + shift),
          creation_time: iso(Date.parse(o.creation_time) / 1000 + shift),
          modification_time: iso(Date.parse(o.creation_time) / 1000 + shift),
          sent_time: o.sent_time ? iso(Date.parse(o.sent_time) / 1000 + shift) : undefined,
          due_time: o.due_time ? iso(Date.parse(o.due_time) / 1000 + shift) : undefined,
          promo_codes: [...o.promo_codes],
          items: o.items.map((it) => ({ ...it, id: this.store.allocateItemId() })),
          custom: { ...o.custom },
          extra: structuredClone(o.extra),
        };
        this.store.insertOrder(copy);
        const meta: OrderMeta = { order: copy, contact, shape: 'unpaid', timeSec: original.timeSec + shift, total: original.total, payments: [] };
        contact.orders.push(meta);
        this.record(kind, 'order', [o.id, id], `order ${id} repeats order ${o.id} (same contact, items and total) ${shift} s later`);
        break;
      }
    }
  }

  // ---------------------------------------------------------------------------------------- result

  private counts(): Record<string, number> {
    let items = 0;
    for (const o of this.store.orders.values()) items += o.items.length;
    let contactTags = 0;
    for (const applied of this.store.contactTags.values()) contactTags += applied.size;
    return {
      contacts: this.store.contacts.size,
      companies: this.store.companies.size,
      products: this.store.products.size,
      plans: this.store.plans.size,
      orders: this.store.orders.size,
      order_items: items,
      payments: this.store.payments.size,
      subscriptions: this.store.subscriptions.size,
      tags: this.store.tags.size,
      contact_tags: contactTags,
      campaigns: this.store.campaigns.size,
    };
  }
}

/** Index of the first element > value in an ascending array. */
function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whole cycles from day `from` up to and including day `to` (days since the epoch, UTC). */
function cyclesBetween(from: number, to: number, cycle: CycleType, frequency: number): number {
  if (to <= from) return 0;
  if (cycle === 'DAILY' || cycle === 'WEEKLY') return Math.floor((to - from) / ((cycle === 'DAILY' ? 1 : 7) * frequency));
  let n = Math.floor(monthsBetween(from, to) / ((cycle === 'YEARLY' ? 12 : 1) * frequency));
  while (n > 0 && addCycles(from, cycle, frequency, n) > to) n--;
  return n;
}

function monthsBetween(from: number, to: number): number {
  const a = new Date(from * DAY * 1000);
  const b = new Date(to * DAY * 1000);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
}

/** Day `start` plus `n` cycles; months clamp to the month's last day (Jan 31 + 1 month = Feb 28/29). */
function addCycles(start: number, cycle: CycleType, frequency: number, n: number): number {
  if (cycle === 'DAILY' || cycle === 'WEEKLY') return start + n * (cycle === 'DAILY' ? 1 : 7) * frequency;
  const months = n * frequency * (cycle === 'YEARLY' ? 12 : 1);
  const d = new Date(start * DAY * 1000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.floor(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)) / (DAY * 1000));
}
