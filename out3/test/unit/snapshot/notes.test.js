"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Keap's notes, the entity added as one module (src/core/entities/notes.ts): captured, captured
 * again incrementally, labelled for the explorer, checked for duplicate ids, and absent from
 * snapshots written before notes existed without those snapshots breaking.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_path_1 = __importDefault(require("node:path"));
const entities_1 = require("../../../src/core/entities");
const capture_1 = require("../../../src/core/snapshot/capture");
const snapshotDb_1 = require("../../../src/core/snapshot/snapshotDb");
const engine_1 = require("../../../src/core/validate/engine");
const generator_1 = require("../../../src/emulator/generator");
const store_1 = require("../../../src/emulator/store");
const recordLabels_1 = require("../../../src/extension/explorer/recordLabels");
const emulator_1 = require("../support/emulator");
const snapshots_1 = require("../support/snapshots");
async function account(size, seed) {
    const store = new store_1.EmulatorStore();
    (0, generator_1.generateAccount)(store, { seed, size });
    return (0, emulator_1.startTestAccount)({ store });
}
describe("Keap's notes", function () {
    this.timeout(60_000);
    after(emulator_1.closeTestAccounts);
    it('a snapshot holds every note as Keap lists it, indexed by contact', async () => {
        const { client, store } = await account(120, 81);
        strict_1.default.ok(store.notes.size > 20, 'the generated account has notes');
        const out = node_path_1.default.join((0, snapshots_1.tempDir)(), 'notes.kvsnap');
        await (0, capture_1.captureSnapshot)({ client, out });
        const db = await snapshotDb_1.SnapshotDb.open(out);
        strict_1.default.equal(db.count('notes'), store.notes.size);
        strict_1.default.equal(db.meta().counts.notes, store.notes.size);
        const note = [...store.notes.values()][0];
        const row = db.all('SELECT contact_id, json FROM notes WHERE id = ?', [String(note.id)])[0];
        strict_1.default.equal(row.contact_id, String(note.contact_id));
        strict_1.default.equal(JSON.parse(row.json).title, note.title);
        strict_1.default.equal(JSON.parse(row.json).text, note.text, 'the text is kept exactly, line breaks and markup included');
        db.close();
    });
    it('an incremental capture picks up a note changed since (since_time filter) and keeps the others', async () => {
        const { client, store } = await account(120, 82);
        const dir = (0, snapshots_1.tempDir)();
        const first = node_path_1.default.join(dir, 'first.kvsnap');
        await (0, capture_1.captureSnapshot)({ client, out: first });
        const base = await snapshotDb_1.SnapshotDb.open(first);
        const note = [...store.notes.values()][3];
        note.text = 'Called back: <b>wants the invoice</b> re-sent';
        note.update_time = new Date(Date.now() + 60_000).toISOString();
        const second = node_path_1.default.join(dir, 'second.kvsnap');
        await (0, capture_1.captureSnapshot)({ client, out: second, since: { db: base, meta: base.meta() } });
        const db = await snapshotDb_1.SnapshotDb.open(second);
        strict_1.default.equal(db.count('notes'), store.notes.size);
        const text = JSON.parse(String(db.scalar('SELECT json FROM notes WHERE id = ?', [String(note.id)]))).text;
        strict_1.default.equal(text, note.text);
        base.close();
        db.close();
    });
    it('a snapshot written before notes existed opens, verifies and has an empty notes table', async () => {
        const db = await snapshotDb_1.SnapshotDb.create();
        db.insert('contacts', [{ id: 1, given_name: 'Ada', email_addresses: [{ email: 'ada@example.test', field: 'EMAIL1' }] }]);
        db.db.run('DROP VIEW notes');
        db.db.run('DROP TABLE notes_rows'); // as a file of an earlier version has it
        const file = node_path_1.default.join((0, snapshots_1.tempDir)(), 'before-notes.kvsnap');
        const meta = {
            snapshotId: 'before-notes',
            account: 'a.example',
            apiBaseUrl: 'https://api.example',
            startedAt: '2026-11-01T00:00:00Z',
            finishedAt: '2026-11-01T00:01:00Z',
        };
        await db.save(file, meta);
        db.close();
        const opened = await snapshotDb_1.SnapshotDb.open(file); // throws if the checksum did not verify
        strict_1.default.equal(opened.count('notes'), 0);
        strict_1.default.equal(opened.count('contacts'), 1);
        opened.close();
    });
    it('the explorer lists notes after contacts and labels one by its title, as text', () => {
        strict_1.default.ok(entities_1.EXPLORER_ENTITIES.indexOf('notes') === entities_1.EXPLORER_ENTITIES.indexOf('contacts') + 1);
        const label = (0, recordLabels_1.recordLabel)('notes', {
            id: '7',
            title: '<img src=x onerror=alert(1)>',
            type: 'Call',
            create_time: '2026-11-02T10:00:00Z',
            contact_id: '3',
        });
        strict_1.default.deepEqual(label, { label: '<img src=x onerror=alert(1)>', description: 'Call 2026-11-02 contact 3' });
        strict_1.default.equal((0, recordLabels_1.recordLabel)('notes', { id: '8', text: 'First line\nsecond line' }).label, 'First line');
        strict_1.default.equal((0, entities_1.entityModule)('notes').live !== undefined, true, 'notes can be paged live');
    });
    it('entity/duplicate-id checks notes too', async () => {
        const db = await snapshotDb_1.SnapshotDb.create();
        db.insert('notes', [
            { id: '5', title: 'a', contact_id: '1' },
            { id: '5', title: 'b', contact_id: '2' },
        ]);
        const report = (0, engine_1.validateSnapshot)(db, { only: ['entity/duplicate-id'] });
        strict_1.default.deepEqual(report.findings.map((f) => `${f.entity}/${f.recordId}`), ['notes/5']);
        db.close();
    });
});
//# sourceMappingURL=notes.test.js.map