/**
 * Notes on contacts, about one for every two contacts: some contacts get several, most one or none.
 *
 * Notes draw from their own random stream (`fork('notes')`), and are written after every other
 * stage, planting included: an account generated for a seed holds exactly the contacts, orders,
 * payments… it held before the generator made notes, and the notes only name contacts that exist.
 *
 * The text is CRM text as people type it: several lines, names in any script, and markup pasted in
 * (which Keap Vault must show as text, never render).
 */
import type { NoteRecord, NoteType } from '../records';
import type { SeededRandom } from '../random';
import type { EmulatorStore } from '../store';

const NOTE_TYPES: ReadonlyArray<readonly [NoteType, number]> = [
  ['Call', 6],
  ['Email', 5],
  ['Appointment', 3],
  ['Other', 3],
  ['Letter', 1],
  ['Fax', 1],
];

const TITLES = [
  'Follow-up call',
  'Intro call',
  'Sent proposal',
  'Quote requested',
  'Meeting notes',
  'Left voicemail',
  'Renewal discussion',
  'Billing question',
  'Address change',
  'Complaint about delivery',
  'Référence client vérifiée',
  'Rückruf vereinbart',
];

/** `{name}` is the contact's given name; `\n` makes the multi-line notes. */
const TEXTS = [
  'Spoke with {name} about the renewal.\nWants a quote by Friday.',
  'Left a voicemail for {name}; will try again next week.',
  'Sent the brochure and the price list.\n\n- Wants 10 units\n- Needs delivery before the 15th',
  '{name} asked to be called after 3 pm, never before.',
  'Meeting went well. Next step: trial account.\nDecision maker: {name}.',
  'Invoice disputed: says item 2 was never delivered. Checked with the warehouse, it shipped on the 3rd.',
  'Zoë from the front desk says {name} is über-busy until März; try again in spring.',
  'Pasted from the web form: <b>URGENT</b> <script>alert("note")</script> please call back',
  'Prefers email to phone.',
  '{name} moved; new address is on the contact record.\nOld one: 12 Rue de l’Église, Genève',
];

/** The account's users, as the ids Keap gives them (the emulator has no user records). */
const USER_IDS = [1, 3, 7, 12];

export function generateNotes(store: EmulatorStore, rng: SeededRandom, count: number, nowSec: number): void {
  const contacts = [...store.contacts.values()];
  if (!contacts.length || count <= 0) return;
  const drafts: Array<Omit<NoteRecord, 'id'> & { createSec: number }> = [];
  for (let i = 0; i < count; i++) {
    const contact = rng.pick(contacts);
    const contactSec = Math.floor(Date.parse(contact.create_time) / 1000);
    const createSec = contactSec < nowSec ? rng.int(contactSec + 1, nowSec) : contactSec;
    // A third of the notes were edited later; a few are pinned.
    const updateSec = rng.chance(1 / 3) && createSec < nowSec ? rng.int(createSec, nowSec) : createSec;
    const pinnedSec = rng.chance(0.1) ? Math.max(createSec, rng.int(createSec, Math.max(createSec, nowSec))) : undefined;
    const author = rng.pick(USER_IDS);
    drafts.push({
      createSec,
      contact_id: contact.id,
      title: rng.pick(TITLES),
      text: rng.pick(TEXTS).replaceAll('{name}', contact.given_name ?? 'the contact'),
      type: rng.weighted(NOTE_TYPES),
      create_time: iso(createSec),
      update_time: iso(updateSec),
      created_by_user_id: author,
      last_updated_by_user_id: updateSec === createSec ? author : rng.pick(USER_IDS),
      pinned_at: pinnedSec === undefined ? undefined : iso(pinnedSec),
      custom: {},
    });
  }
  // Ids are Keap's auto-increment: in creation order.
  drafts.sort((a, b) => a.createSec - b.createSec || a.contact_id - b.contact_id);
  for (const { createSec: _createSec, pinned_at, ...note } of drafts) {
    store.insertNote({ id: store.notes.allocateId(), ...note, ...(pinned_at ? { pinned_at } : {}) });
  }
}

function iso(sec: number): string {
  return new Date(sec * 1000).toISOString();
}
