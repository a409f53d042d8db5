"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const errors_1 = require("../../../src/core/keap/errors");
const generator_1 = require("../../../src/emulator/generator");
const store_1 = require("../../../src/emulator/store");
const emulator_1 = require("../support/emulator");
async function page(client, query) {
    return (await client.transport.request({ method: 'GET', path: '/v2/notes', query })).data;
}
/** Every note a query matches, page by page. */
async function all(client, query = {}) {
    const notes = [];
    let token = '';
    do {
        const p = await page(client, { ...query, ...(token ? { page_token: token } : {}) });
        notes.push(...p.notes);
        token = p.next_page_token;
    } while (token);
    return notes;
}
function generated(seed, size, notes) {
    const store = new store_1.EmulatorStore();
    (0, generator_1.generateAccount)(store, { seed, size, notes });
    return store;
}
describe('Emulator notes: GET /v2/notes and GET /v2/contacts/{contact_id}/notes/{note_id}', function () {
    this.timeout(60_000);
    let client;
    let store;
    before(async () => {
        store = generated('notes', 120);
        ({ client } = await (0, emulator_1.startTestAccount)({ store }));
    });
    after(emulator_1.closeTestAccounts);
    it('pages through every note with page_token, in id order by default', async () => {
        const first = await page(client, { page_size: '7' });
        strict_1.default.equal(first.notes.length, 7);
        strict_1.default.notEqual(first.next_page_token, '');
        const notes = await all(client, { page_size: '7' });
        strict_1.default.equal(notes.length, store.notes.size);
        strict_1.default.deepEqual(notes.map((n) => Number(n.id)), [...store.notes.values()].map((n) => n.id));
        const last = await page(client, { page_size: '1000' });
        strict_1.default.equal(last.notes.length, store.notes.size);
        strict_1.default.equal(last.next_page_token, '');
    });
    it("renders Keap's Note: string ids, text verbatim, custom_fields only when asked for", async () => {
        const [note] = (await page(client, { page_size: '1' })).notes;
        const record = store.notes.get(Number(note.id));
        strict_1.default.equal(note.contact_id, String(record.contact_id));
        strict_1.default.equal(note.text, record.text);
        strict_1.default.match(note.created_by_user_id, /^\d+$/);
        strict_1.default.equal(note.custom_fields, undefined);
        const [withCustom] = (await page(client, { page_size: '1', fields: 'custom_fields' })).notes;
        strict_1.default.deepEqual(withCustom.custom_fields, []);
        await strict_1.default.rejects(page(client, { fields: 'secret' }), errors_1.KeapValidationError);
    });
    it('filters by contact_id, ids, id comparisons, since_time / until_time and title', async () => {
        const records = [...store.notes.values()];
        const contactId = records[0].contact_id;
        const ofContact = await all(client, { filter: `contact_id==${contactId}` });
        strict_1.default.deepEqual(ofContact.map((n) => Number(n.id)), records.filter((n) => n.contact_id === contactId).map((n) => n.id));
        const picked = [records[2].id, records[5].id, records[9].id];
        strict_1.default.deepEqual((await all(client, { filter: `ids==${picked.join(',')}` })).map((n) => Number(n.id)), picked);
        strict_1.default.deepEqual((await all(client, { filter: `id>${records[records.length - 3].id}` })).map((n) => Number(n.id)), records.slice(-2).map((n) => n.id));
        await strict_1.default.rejects(all(client, { filter: `id==1;ids==1,2` }), errors_1.KeapValidationError);
        const middle = [...records].sort((a, b) => a.update_time.localeCompare(b.update_time))[Math.floor(records.length / 2)].update_time;
        const since = await all(client, { filter: `since_time==${middle}` });
        strict_1.default.deepEqual(since.map((n) => Number(n.id)), records.filter((n) => n.update_time >= middle).map((n) => n.id));
        const until = await all(client, { filter: `until_time==${middle}` });
        strict_1.default.equal(since.length + until.length, records.length + records.filter((n) => n.update_time === middle).length);
        const title = records[0].title;
        const prefix = await all(client, { filter: `title==${title.slice(0, 4)}*` });
        strict_1.default.ok(prefix.length > 0 && prefix.every((n) => n.title.toLowerCase().startsWith(title.slice(0, 4).toLowerCase())));
        const word = title.split(' ').pop();
        const contains = await all(client, { filter: `title==${word}` });
        strict_1.default.deepEqual(contains.map((n) => Number(n.id)), records.filter((n) => n.title.toLowerCase().includes(word.toLowerCase())).map((n) => n.id));
        await strict_1.default.rejects(all(client, { filter: `title==*${word}` }), errors_1.KeapValidationError);
        await strict_1.default.rejects(all(client, { filter: `type==Call` }), errors_1.KeapValidationError);
    });
    it('orders by create_time and update_time, both directions, and keeps paging stable', async () => {
        for (const field of ['create_time', 'update_time']) {
            for (const dir of ['asc', 'desc']) {
                const notes = await all(client, { order_by: `${field} ${dir}`, page_size: '9' });
                strict_1.default.equal(new Set(notes.map((n) => n.id)).size, store.notes.size, `${field} ${dir}`);
                const values = notes.map((n) => n[field]);
                const sorted = [...values].sort();
                strict_1.default.deepEqual(values, dir === 'asc' ? sorted : sorted.reverse(), `${field} ${dir}`);
            }
        }
        const byIdDesc = await all(client, { order_by: 'id desc' });
        strict_1.default.deepEqual(byIdDesc.map((n) => Number(n.id)), [...store.notes.values()].map((n) => n.id).reverse());
        await strict_1.default.rejects(page(client, { order_by: 'title asc' }), errors_1.KeapValidationError);
    });
    it('refuses a page_size above 1000 and a page_token from another query', async () => {
        await strict_1.default.rejects(page(client, { page_size: '1001' }), errors_1.KeapValidationError);
        const first = await page(client, { page_size: '2' });
        await strict_1.default.rejects(page(client, { page_size: '2', page_token: first.next_page_token, order_by: 'create_time asc' }), errors_1.KeapValidationError);
    });
    it('reads one note through its contact, and answers 404 for a missing note or the wrong contact', async () => {
        const record = [...store.notes.values()][3];
        const note = (await client.transport.request({ method: 'GET', path: `/v2/contacts/${record.contact_id}/notes/${record.id}` }))
            .data;
        strict_1.default.equal(note.id, String(record.id));
        strict_1.default.equal(note.title, record.title);
        await strict_1.default.rejects(client.transport.request({ method: 'GET', path: `/v2/contacts/${record.contact_id}/notes/999999` }), (err) => err instanceof errors_1.KeapNotFoundError && /note with id 999999 not found/.test(err.message));
        const other = [...store.contacts.values()].find((c) => c.id !== record.contact_id);
        await strict_1.default.rejects(client.transport.request({ method: 'GET', path: `/v2/contacts/${other.id}/notes/${record.id}` }), errors_1.KeapNotFoundError);
    });
    it('goes with its contact when the contact is deleted, as in Keap', async () => {
        const local = generated('notes-delete', 40);
        const note = [...local.notes.values()][0];
        local.deleteContact(note.contact_id);
        strict_1.default.ok([...local.notes.values()].every((n) => n.contact_id !== note.contact_id));
    });
});
describe('Generated notes', function () {
    this.timeout(60_000);
    it('come one per two contacts, on contacts that exist, after the contact was created, never after now', () => {
        const store = generated(5, 400, undefined);
        strict_1.default.equal(store.notes.size, (0, generator_1.targetCounts)(400).notes);
        strict_1.default.equal((0, generator_1.targetCounts)(400).notes, 200);
        const now = '2026-11-01T12:00:00.000Z';
        let previous = '';
        for (const note of store.notes.values()) {
            const contact = store.contacts.get(note.contact_id);
            strict_1.default.ok(contact, `note ${note.id} names contact ${note.contact_id}`);
            strict_1.default.ok(note.create_time > contact.create_time, `note ${note.id} after its contact`);
            strict_1.default.ok(note.create_time <= note.update_time && note.update_time <= now, `note ${note.id} times`);
            strict_1.default.ok(note.create_time >= previous, 'ids follow creation order');
            previous = note.create_time;
            strict_1.default.ok(['Call', 'Email', 'Appointment', 'Fax', 'Letter', 'Other'].includes(note.type));
        }
        const texts = [...store.notes.values()].map((n) => n.text);
        strict_1.default.ok(texts.some((t) => t.includes('\n')), 'some notes span lines');
        strict_1.default.ok(texts.some((t) => /<script>/.test(t)), 'some notes hold markup');
        strict_1.default.ok([...store.notes.values()].some((n) => /[^ -~\s]/.test(n.title + n.text)), 'some notes hold non-ASCII text');
        strict_1.default.ok([...store.notes.values()].some((n) => n.pinned_at));
    });
    it('are the same for the same seed, and leave every other entity exactly as without notes', () => {
        const a = generated('same', 300).toState();
        const b = generated('same', 300).toState();
        strict_1.default.deepEqual(a.notes, b.notes);
        strict_1.default.notDeepEqual(a.notes, generated('other', 300).toState().notes);
        const without = generated('same', 300, 0).toState();
        strict_1.default.deepEqual(without.notes, []);
        const { notes: _a, nextIds: idsA, ...restA } = a;
        const { notes: _w, nextIds: idsW, ...restW } = without;
        strict_1.default.deepEqual(restA, restW);
        const { notes: _n1, ...otherIdsA } = idsA;
        const { notes: _n2, ...otherIdsW } = idsW;
        strict_1.default.deepEqual(otherIdsA, otherIdsW);
        strict_1.default.equal(generated('few', 100, 7).notes.size, 7);
        strict_1.default.throws(() => generated('bad', 10, -1), RangeError);
    });
    it('survive a save and load of the state, and old state files without notes still load', () => {
        const store = generated('state', 60);
        const copy = store_1.EmulatorStore.fromState(JSON.parse(JSON.stringify(store.toState())));
        strict_1.default.deepEqual([...copy.notes.values()], [...store.notes.values()]);
        const { notes: _notes, ...old } = store.toState();
        strict_1.default.equal(store_1.EmulatorStore.fromState(old).notes.size, 0);
    });
});
//# sourceMappingURL=notes.test.js.map