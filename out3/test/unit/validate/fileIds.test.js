"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The index of a file's record ids: what `file/duplicate-id` and `file/unknown-order` read. It must
 * tell every repeated id by the line it was first on, whatever the id looks like, at any count.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const fileIds_1 = require("../../../src/core/validate/files/fileIds");
describe("Validate files: the index of a file's ids", () => {
    it('finds every repeat among 200,000 ids by the line it was first on, and nothing else', () => {
        const ids = new fileIds_1.FileIds();
        for (let i = 1; i <= 200_000; i++)
            strict_1.default.equal(ids.add('orders', String(i * 7919), i), undefined);
        for (let i = 1; i <= 200_000; i += 997)
            strict_1.default.equal(ids.add('orders', String(i * 7919), 300_000 + i), i);
        strict_1.default.equal(ids.add('orders', String(7919 * 200_001), 9), undefined, 'a new id is new');
        strict_1.default.ok(ids.has('orders', '7919'));
        strict_1.default.ok(!ids.has('orders', '7920'));
        strict_1.default.ok(!ids.has('contacts', '7919'), 'ids are per entity');
    });
    it('keeps ids that are not plain integers apart: leading zeros, signs, huge numbers and words', () => {
        const ids = new fileIds_1.FileIds();
        const odd = ['007', '7', '-7', '+7', '7.0', '9007199254740993', '9007199254740992', 'ORD-7', ''];
        odd.forEach((id, line) => strict_1.default.equal(ids.add('orders', id, line + 1), undefined, `${JSON.stringify(id)} is new`));
        odd.forEach((id, line) => strict_1.default.equal(ids.add('orders', id, 100), line + 1, `${JSON.stringify(id)} repeats line ${line + 1}`));
    });
    describe('beyond what memory keeps: sorted runs on disk', () => {
        let temp;
        beforeEach(() => (temp = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'file-ids-test-'))));
        afterEach(() => (0, node_fs_1.rmSync)(temp, { recursive: true, force: true }));
        it('answers every add and lookup as a plain Map would, across 40 runs of integers and some of other ids, and deletes its files on close', () => {
            const ids = new fileIds_1.FileIds({ spillAt: 1000, textSpillAt: 100, tempDir: temp });
            const oracle = new Map();
            // A deterministic mix: ids in order, at random, far apart (up to 2^53 - 1), text with quotes, tabs,
            // newlines and non-ASCII, and repeated, so that repeats meet their first line in memory, in an
            // older run, or at a run's block edges.
            let seed = 12345;
            const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
            for (let line = 1; line <= 40_000; line++) {
                const pick = random();
                const id = pick < 0.5
                    ? String(line * 3)
                    : pick < 0.8
                        ? String(1 + Math.floor(random() * line * 3))
                        : pick < 0.95
                            ? String(Number.MAX_SAFE_INTEGER - Math.floor(random() * 5000))
                            : `key "${Math.floor(random() * 1500)}"\t\n€-${line % 3}`;
                strict_1.default.equal(ids.add('orders', id, line), oracle.get(id), `line ${line}: id ${id}`);
                if (!oracle.has(id))
                    oracle.set(id, line);
            }
            strict_1.default.ok((0, node_fs_1.readdirSync)(temp).length === 1 && (0, node_fs_1.readdirSync)((0, node_path_1.join)(temp, (0, node_fs_1.readdirSync)(temp)[0])).length >= 20, 'the ids went to disk');
            for (const id of oracle.keys())
                strict_1.default.ok(ids.has('orders', id), `has ${id}`);
            for (let probe = 1; probe <= 130_000; probe += 7)
                strict_1.default.equal(ids.has('orders', String(probe)), oracle.has(String(probe)), `has ${probe}`);
            strict_1.default.ok(!ids.has('contacts', '3'), 'ids are per entity');
            ids.close();
            strict_1.default.deepEqual((0, node_fs_1.readdirSync)(temp), [], 'the temporary files are gone');
        });
    });
});
//# sourceMappingURL=fileIds.test.js.map