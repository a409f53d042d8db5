"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const main_1 = require("../../../src/cli/main");
const cliIo_1 = require("../support/cliIo");
const snapshotDb_1 = require("../../../src/core/snapshot/snapshotDb");
const rules_1 = require("../../../src/core/validate/rules");
const snapshots_1 = require("../support/snapshots");
describe('keap-vault validate', function () {
    this.timeout(60_000);
    it('exits 0 on a clean snapshot and 1 when errors are found, with one line per finding', async () => {
        const clean = await (0, snapshots_1.generatedSnapshotFile)({ seed: 'cli-clean', size: 100 });
        const ok = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['validate', clean.file], ok), 0);
        strict_1.default.match(ok.stdout.join('\n'), new RegExp(`No problems found\\. Checked ${rules_1.ALL_RULES.length} rules`));
        const bad = await (0, snapshots_1.generatedSnapshotFile)({ seed: 'cli-bad', size: 100, plant: { 'orphan-order': 2, 'duplicate-order': 1 } });
        const io = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['validate', bad.file], io), 1);
        const orphans = bad.planted.filter((p) => p.kind === 'orphan-order').map((p) => p.ids[0]);
        for (const id of orphans)
            strict_1.default.ok(io.stdout.some((l) => l.startsWith(`orders/${id}: error order/orphan-contact:`)), id);
        strict_1.default.match(io.stdout[io.stdout.length - 1], /2 errors, 1 warning, /);
        const onlyWarnings = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['validate', bad.file, '--rule', 'order/likely-duplicate'], onlyWarnings), 0, 'warnings alone do not fail');
        strict_1.default.equal(await (0, main_1.runCli)(['validate', bad.file, '--severity', 'order/orphan-contact=warning'], (0, cliIo_1.captureIo)()), 0);
        strict_1.default.equal(await (0, main_1.runCli)(['validate', bad.file, '--off', 'order/orphan-contact'], (0, cliIo_1.captureIo)()), 0);
        strict_1.default.equal(await (0, main_1.runCli)(['validate', bad.file, '--rule', 'order/none'], (0, cliIo_1.captureIo)()), 2);
    });
    it('writes SARIF 2.1.0 that names the rule, its explanation and the record', async () => {
        const bad = await (0, snapshots_1.generatedSnapshotFile)({ seed: 'cli-sarif', size: 80, plant: { 'total-mismatch': 1 } });
        const io = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['validate', bad.file, '--format', 'sarif'], io), 1);
        const sarif = JSON.parse(io.stdout.join('\n'));
        strict_1.default.equal(sarif.version, '2.1.0');
        const run = sarif.runs[0];
        const result = run.results.find((r) => r.ruleId === 'order/total-mismatch');
        strict_1.default.equal(result.level, 'error');
        strict_1.default.equal(result.locations[0].logicalLocations[0].fullyQualifiedName, `orders/${bad.planted[0].ids[0]}`);
        const rule = run.tool.driver.rules[result.ruleIndex];
        strict_1.default.equal(rule.id, 'order/total-mismatch');
        strict_1.default.match(rule.fullDescription.text, /Keap computes an order's total from its items/);
    });
    it('checks an import file against the snapshot with file:line:col positions', async () => {
        const { file } = await (0, snapshots_1.generatedSnapshotFile)({ seed: 'cli-file', size: 50 });
        const db = await snapshotDb_1.SnapshotDb.open(file);
        const contactId = String(db.scalar('SELECT id FROM contacts LIMIT 1'));
        const productId = String(db.scalar('SELECT id FROM products LIMIT 1'));
        db.close();
        const input = node_path_1.default.join(node_path_1.default.dirname(file), 'import.json');
        await node_fs_1.promises.writeFile(input, JSON.stringify([
            {
                id: '900001',
                contact_id: contactId,
                order_title: 'ok',
                order_time: '2026-01-01T00:00:00Z',
                order_items: [{ product_id: productId, quantity: 1 }],
            },
            {
                id: '900002',
                contact_id: '424242',
                order_title: 'bad',
                order_time: '2026-01-01T00:00:00Z',
                order_items: [{ product_id: productId, quantity: 1 }],
            },
        ], null, 2));
        const io = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['validate', file, input], io), 1);
        const line = io.stdout.find((l) => l.includes('file/unknown-contact'));
        strict_1.default.match(line, new RegExp(`^${input.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: error file/unknown-contact:`));
    });
    it('bad input files (nesting no stack holds, Latin-1 bytes) exit 1 with the position of each problem', async () => {
        const { file } = await (0, snapshots_1.generatedSnapshotFile)({ seed: 'cli-file', size: 50 });
        const deep = node_path_1.default.join(node_path_1.default.dirname(file), 'deep.json');
        await node_fs_1.promises.writeFile(deep, '['.repeat(100_000));
        const latin1 = node_path_1.default.join(node_path_1.default.dirname(file), 'contacts.csv');
        await node_fs_1.promises.writeFile(latin1, Buffer.concat([Buffer.from('id,given_name\nc1,Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
        const io = (0, cliIo_1.captureIo)();
        strict_1.default.equal(await (0, main_1.runCli)(['validate', file, deep, latin1], io), 1);
        strict_1.default.ok(io.stdout.includes(`${deep}:1:2: error file/syntax: Expected a record (a JSON object) but found an array`), io.stdout.join('\n'));
        strict_1.default.ok(io.stdout.includes(`${deep}:1:100001: error file/syntax: Invalid JSON: a closing bracket (]) was expected`));
        const encoding = io.stdout.find((l) => l.startsWith(`${latin1}:2:7: error file/syntax: The file is not UTF-8 here: byte 0xE9 at byte offset 20`));
        strict_1.default.ok(encoding, io.stdout.join('\n'));
    });
});
//# sourceMappingURL=validateCli.test.js.map