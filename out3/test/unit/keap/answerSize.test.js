"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * A hostile or broken Keap answer must not take the process's memory: one past the limit is cut off
 * as it streams in and refused with an error naming the request, and a big field inside the limit
 * is kept exactly.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_path_1 = __importDefault(require("node:path"));
const errors_1 = require("../../../src/core/keap/errors");
const capture_1 = require("../../../src/core/snapshot/capture");
const snapshotDb_1 = require("../../../src/core/snapshot/snapshotDb");
const store_1 = require("../../../src/emulator/store");
const emulator_1 = require("../support/emulator");
const snapshots_1 = require("../support/snapshots");
describe("Keap's answers: size", function () {
    this.timeout(60_000);
    after(emulator_1.closeTestAccounts);
    it('a page larger than the limit is refused after one request, with the request and the limit in the error', async () => {
        const store = new store_1.EmulatorStore();
        (0, emulator_1.addContacts)(store, 1000);
        const { client } = await (0, emulator_1.startTestAccount)({ store }, { maxAnswerBytes: 64 * 1024 });
        await strict_1.default.rejects((0, emulator_1.collect)(client.contacts.list({ pageSize: 1000 })), (err) => err instanceof errors_1.KeapProtocolError &&
            /^GET \/v2\/contacts: Keap's answer was larger than 64 KiB, the most Keap Vault reads at once; it was refused part way/.test(err.message));
        strict_1.default.equal(client.transport.requestCount, 1, 'not asked again: the same page would come back');
        // Smaller pages fit under the same limit.
        strict_1.default.equal((await (0, emulator_1.collect)(client.contacts.list({ pageSize: 50 }))).length, 1000);
    });
    it('a 10 MB text field is captured once and reads back exactly as Keap sent it', async () => {
        const store = new store_1.EmulatorStore();
        (0, emulator_1.addContacts)(store, 20);
        const huge = 'Ünïcode <b>text</b> '.repeat(512 * 1024); // 10 MiB of characters, more as UTF-8
        const { id } = store.createContact({ given_name: huge, email_addresses: [{ email: 'huge@example.test' }] }).record;
        const { client } = await (0, emulator_1.startTestAccount)({ store });
        const out = node_path_1.default.join((0, snapshots_1.tempDir)(), 'huge-field.kvsnap');
        await (0, capture_1.captureSnapshot)({ client, out });
        const db = await snapshotDb_1.SnapshotDb.open(out);
        try {
            const row = [...db.rows('contacts')].find((r) => r.id === String(id));
            strict_1.default.ok(row, 'the contact is in the snapshot');
            strict_1.default.equal(JSON.parse(row.json).given_name, huge);
        }
        finally {
            db.close();
        }
    });
});
//# sourceMappingURL=answerSize.test.js.map