/**
 * The word pools the generator draws names, addresses and order details from, and the "tricky"
 * values (escaping, Unicode, spreadsheet formulas) that are mixed in at fixed intervals.
 *
 * Reordering or editing any of these arrays changes every account generated from a seed.
 */
import type { OrderRecord } from '../records';
import type { SeededRandom } from '../random';

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
export const TRICKY_CONTACT_EVERY = 32;

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
export const TRICKY_COMPANY_EVERY = 12;

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
export const TRICKY_PRODUCT_EVERY = 9;

export const TRICKY_TAG_NAMES: readonly string[] = [
  '<b>VIP</b>',
  'Tag, with comma',
  "O'Brien's list",
  'Ünïcödé 🎉',
  '=cmd|" /C calc"!A0',
  '"Quoted" Tag',
];
export const TRICKY_TAG_EVERY = 7;

export const ANGLO_GIVEN = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Christopher',
  'Karen',
  'Daniel',
  'Lisa',
  'Matthew',
  'Nancy',
  'Anthony',
  'Betty',
  'Mark',
  'Ashley',
  'Steven',
  'Emily',
  'Andrew',
  'Megan',
  'Kevin',
  'Amanda',
  'Brian',
  'Melissa',
  'Jason',
  'Rachel',
  'Tyler',
  'Hannah',
  'Aaron',
  'Olivia',
  'Ethan',
  'Chloe',
  'Noah',
  'Grace',
];
export const ANGLO_FAMILY = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Miller',
  'Davis',
  'Wilson',
  'Anderson',
  'Taylor',
  'Thomas',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Thompson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Hill',
  'Green',
  'Adams',
  'Baker',
  'Nelson',
  'Carter',
  'Mitchell',
  'Roberts',
  'Turner',
  'Phillips',
  'Campbell',
  'Parker',
  'Evans',
  'Edwards',
  'Collins',
  'Stewart',
  'Morris',
];

/** International name pools; "display|slug" gives the e-mail slug of names that do not fold to ASCII. */
export const LOCALES: ReadonlyArray<{ country?: string; given: readonly string[]; family: readonly string[] }> = [
  {
    country: 'MEX',
    given: ['José', 'María', 'Lucía', 'Andrés', 'Sofía', 'Ángel', 'Iñaki'],
    family: ['Ñúñez', 'García', 'Pérez', 'Martínez', 'Muñoz', 'Ibáñez', 'Gómez'],
  },
  {
    country: 'SWE',
    given: ['Zoë', 'Åsa', 'Björn', 'Søren', 'Ingrid', 'Mikael'],
    family: ['Åström', 'Nyström', 'Öberg', 'Løkke', 'Ångström'],
  },
  {
    country: 'POL',
    given: ['Łukasz', 'Małgorzata', 'Paweł', 'Agnieszka', 'Wojciech'],
    family: ['Żółć', 'Wiśniewski', 'Kowalczyk', 'Dąbrowska', 'Łęcki'],
  },
  {
    country: 'CHN',
    given: ['芳|fang', '伟|wei', '娜|na', '静|jing', '强|qiang'],
    family: ['王|wang', '李|li', '张|zhang', '刘|liu', '陈|chen'],
  },
  {
    given: ['Мария|maria', 'Иван|ivan', 'Алексей|aleksei', 'Ольга|olga'],
    family: ['Иванова|ivanova', 'Смирнов|smirnov', 'Кузнецова|kuznetsova'],
  },
  { country: 'DEU', given: ['Jürgen', 'Günther', 'Käthe', 'Jörg'], family: ['Müller', 'Groß', 'Schäfer', 'Köhler'] },
  { country: 'FRA', given: ['Émilie', 'François', 'Chloé', 'Hélène'], family: ['Lefèvre', 'Dubois', 'Bérubé', 'Garçon'] },
  { given: ['Thảo', 'Đức', 'Hương'], family: ['Nguyễn', 'Trần', 'Phạm'] },
  { country: 'JPN', given: ['太郎|taro', '花子|hanako', '健|ken'], family: ['山田|yamada', '佐藤|sato', '鈴木|suzuki'] },
  { given: ['Siobhán', 'Seán', 'Niamh'], family: ["O'Brien", "O'Connor", 'McDonald', "D'Arcy"] },
];

export const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example.com', 'inbox.example.net', 'post.example.org'];
export const WORK_DOMAINS = ['work.example.com', 'corp.example.net', 'office.example.org'];

export const US_CITIES: ReadonlyArray<readonly [string, string, string, string, string]> = [
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
export const US_STREETS = [
  'Main St',
  'Oak Ave',
  'Maple Dr',
  'Cedar Ln',
  'Market St',
  'Elm St',
  '2nd Ave',
  'Sunset Blvd',
  'Lake Shore Dr',
  'Pine St',
  'Washington Ave',
];

export interface Country {
  code: string;
  phone: (r: SeededRandom) => string;
  cities: ReadonlyArray<readonly [string, string, string, string]>;
  streets: readonly string[];
}
export const COUNTRIES: readonly Country[] = [
  {
    code: 'GBR',
    phone: (r) => `+44 20 7946 0${r.int(100, 999)}`,
    cities: [
      ['London', 'London', 'GB-LND', 'EC1A 1BB'],
      ['Manchester', 'Greater Manchester', 'GB-MAN', 'M1 1AE'],
    ],
    streets: ['High Street', 'Baker Street', 'Station Road'],
  },
  {
    code: 'CAN',
    phone: (r) => `+1 (416) 555-0${r.int(100, 199)}`,
    cities: [
      ['Toronto', 'Ontario', 'CA-ON', 'M5V 2T6'],
      ['Montréal', 'Québec', 'CA-QC', 'H2X 1Y4'],
    ],
    streets: ['Queen St W', 'Rue Saint-Denis', 'King St E'],
  },
  {
    code: 'DEU',
    phone: (r) => `+49 30 ${r.int(1000000, 9999999)}`,
    cities: [
      ['Berlin', 'Berlin', 'DE-BE', '10115'],
      ['München', 'Bayern', 'DE-BY', '80331'],
    ],
    streets: ['Hauptstraße', 'Königsallee', 'Schloßstraße'],
  },
  {
    code: 'FRA',
    phone: (r) => `+33 1 ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)}`,
    cities: [
      ['Paris', 'Île-de-France', 'FR-IDF', '75001'],
      ['Lyon', 'Auvergne-Rhône-Alpes', 'FR-ARA', '69002'],
    ],
    streets: ['Rue de Rivoli', 'Boulevard Saint-Germain'],
  },
  {
    code: 'MEX',
    phone: (r) => `+52 55 ${r.int(1000, 9999)} ${r.int(1000, 9999)}`,
    cities: [['Ciudad de México', 'Ciudad de México', 'MX-CMX', '06000']],
    streets: ['Avenida Paseo de la Reforma', 'Calle Ñandú'],
  },
  {
    code: 'SWE',
    phone: (r) => `+46 31 ${r.int(100, 999)} ${r.int(10, 99)} ${r.int(10, 99)}`,
    cities: [['Göteborg', 'Västra Götaland', 'SE-O', '411 01']],
    streets: ['Storgatan', 'Kungsgatan'],
  },
  {
    code: 'POL',
    phone: (r) => `+48 42 ${r.int(100, 999)} ${r.int(10, 99)} ${r.int(10, 99)}`,
    cities: [['Łódź', 'Łódzkie', 'PL-10', '90-001']],
    streets: ['ulica Piotrkowska', 'ulica Żeromskiego'],
  },
  {
    code: 'JPN',
    phone: (r) => `+81 3-${r.int(1000, 9999)}-${r.int(1000, 9999)}`,
    cities: [['千代田区', '東京都', 'JP-13', '100-0001']],
    streets: ['丸の内1-1', '大手町2-3'],
  },
  {
    code: 'AUS',
    phone: (r) => `+61 2 ${r.int(1000, 9999)} ${r.int(1000, 9999)}`,
    cities: [['Sydney', 'New South Wales', 'AU-NSW', '2000']],
    streets: ['George St', 'Pitt St'],
  },
  {
    code: 'CHN',
    phone: (r) => `+86 21 ${r.int(1000, 9999)} ${r.int(1000, 9999)}`,
    cities: [['上海', '上海市', 'CN-SH', '200000']],
    streets: ['南京东路', '淮海中路'],
  },
  {
    code: 'BRA',
    phone: (r) => `+55 11 ${r.int(1000, 9999)}-${r.int(1000, 9999)}`,
    cities: [['São Paulo', 'São Paulo', 'BR-SP', '01310-100']],
    streets: ['Avenida Paulista', 'Rua Augusta'],
  },
];
export const COUNTRY_BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));

export const COMPANY_PREFIX = [
  'Acme',
  'Blue Ridge',
  'Summit',
  'Northwind',
  'Evergreen',
  'Pinnacle',
  'Harbor',
  'Redwood',
  'Silver Lake',
  'Bright Path',
  'Granite',
  'Prairie',
  'Coastal',
  'Maple Leaf',
];
export const COMPANY_TRADE = [
  'Consulting',
  'Fitness',
  'Plumbing',
  'Dental',
  'Marketing',
  'Bakery',
  'Landscaping',
  'Yoga Studio',
  'Law Group',
  'Coaching',
  'Realty',
  'Chiropractic',
  'Design',
  'Auto Repair',
];
export const COMPANY_SUFFIX = ['LLC', 'Inc.', 'Co.', '', 'Group', 'Partners', 'Ltd.'];
export const JOB_TITLES = [
  'Owner',
  'CEO',
  'Office Manager',
  'Marketing Director',
  'Bookkeeper',
  'Sales Rep',
  'Founder',
  'Operations Lead',
  'Assistant',
];

export const PRODUCT_ADJ = [
  'Premium',
  'Deluxe',
  'Starter',
  'Pro',
  'Organic',
  'Classic',
  'Ultimate',
  'Mini',
  'Family',
  'Advanced',
  'Essential',
  'Signature',
];
export const PRODUCT_NOUN: ReadonlyArray<readonly [string, boolean]> = [
  // name, shippable
  ['Coaching Session', false],
  ['Yoga Mat', true],
  ['Membership', false],
  ['Workshop Ticket', false],
  ['Protein Powder', true],
  ['E-book', false],
  ['Consultation', false],
  ['Gift Card', false],
  ['T-Shirt', true],
  ['Water Bottle', true],
  ['Online Course', false],
  ['Candle Set', true],
  ['Tea Sampler', true],
  ['Massage (60 min)', false],
  ['Meal Plan', false],
  ['Resistance Bands', true],
  ['Mastermind Seat', false],
  ['Journal', true],
];
export const PRODUCT_VARIANT = ['', '', '', ' (Blue)', ' (Large)', ' v2', ' — Bundle', ' (Annual)', ' 3-Pack'];

export const TAG_BASE = [
  'Customer',
  'Lead',
  'VIP',
  'Newsletter',
  'Webinar Attendee',
  'Abandoned Cart',
  'Purchased: Course',
  'Referral',
  'Cold Lead',
  'Hot Lead',
  'Trade Show 2025',
  'Unsubscribed',
  'Facebook Ad',
  'Google Ads',
  'Podcast Listener',
  'Beta Tester',
  'Wholesale',
  'Affiliate',
  'Past Due',
  'Nurture Sequence',
  'Free Trial',
  'Event: Summit 2026',
];
export const CAMPAIGN_NAMES = [
  'Welcome Sequence',
  'Abandoned Cart Recovery',
  'Post-Purchase Follow-up',
  'Webinar Reminder',
  'Win-Back',
  'Birthday Offer',
  'Onboarding',
  'Re-engagement',
  'Black Friday',
  'Trial Conversion',
  'Referral Program',
  'Spring <Sale> & "Promo"',
  'Review Request',
  'Upsell: Pro Plan',
  'Event Countdown',
];
export const TIME_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'Europe/London',
  'Australia/Sydney',
];
export const PROMO_CODES: ReadonlyArray<readonly [string, number]> = [
  ['SAVE5', 5],
  ['SAVE10', 10],
  ['WELCOME15', 15],
  ['VIP20', 20],
  ['BF25', 25],
];
export const SOURCE_WEIGHTS: ReadonlyArray<readonly [OrderRecord['source_type'], number]> = [
  ['CHECKOUT_FORM', 40],
  ['INVOICE', 20],
  ['MANUAL_PAYMENT', 15],
  ['API', 15],
  ['QUICKBOOKS', 3],
  ['UNKNOWN', 7],
];
export const LINE_COUNT_WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  [1, 45],
  [2, 25],
  [3, 15],
  [4, 10],
  [5, 5],
];
export const TAG_COUNT_WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  [0, 30],
  [1, 30],
  [2, 20],
  [3, 12],
  [4, 8],
];
export const ORDER_NOTES = [
  'Customer requested gift wrap',
  'Ship after the 15th',
  'Paid at the booth',
  'Left a voicemail <re: invoice>',
  'Repeat customer — thank-you card',
  'Deliver to "back door" & ring twice',
];
