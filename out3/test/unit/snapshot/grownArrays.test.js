"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The writer thread's full collection when sql.js's file has grown (grownArrays.ts): the arrays
 * left behind are freed, and no experimental warning reaches the user's terminal.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const grownArrays_1 = require("../../../src/core/snapshot/grownArrays");
describe('Collecting the arrays a growing database leaves behind', () => {
    it('frees arrays no longer referenced once they add up to a quarter more, and prints no warning', async () => {
        const grown = new grownArrays_1.GrownArrays();
        const warnings = [];
        const onWarning = (w) => warnings.push(w);
        process.on('warning', onWarning);
        try {
            // As sql.js grows its file: a larger array, the old one copied into it and dropped.
            let file = new Uint8Array(96 * 1024 * 1024).fill(1);
            file = new Uint8Array(file.length + 32 * 1024 * 1024).fill(2);
            const before = process.memoryUsage().arrayBuffers;
            file = undefined;
            await grown.collectIfGrown();
            const after = process.memoryUsage().arrayBuffers;
            strict_1.default.ok(before - after >= 96 * 1024 * 1024, `${(before - after) / 1048576} MiB freed`);
            strict_1.default.equal(file, undefined);
            await new Promise((resolve) => setImmediate(resolve)); // a warning is emitted on the next tick
            strict_1.default.deepEqual(warnings.map((w) => w.name), []);
        }
        finally {
            process.off('warning', onWarning);
        }
    });
    it('does nothing while the arrays have not grown', async () => {
        const grown = new grownArrays_1.GrownArrays();
        const kept = new Uint8Array(8 * 1024 * 1024).fill(3);
        await grown.collectIfGrown(); // nothing to do, and nothing that fails
        strict_1.default.equal(kept[0], 3);
    });
});
//# sourceMappingURL=grownArrays.test.js.map