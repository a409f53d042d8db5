"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EmulatorStore = exports.DISASTER_KINDS = exports.UNLIMITED_QUOTA = exports.KEAP_PAT_QUOTA = exports.DEFAULT_EMULATOR_TOKEN = exports.loadEmulatorState = exports.startEmulator = void 0;
exports.startSeededEmulator = startSeededEmulator;
/** The emulator's public face: start a seeded Keap account on loopback. */
const node_fs_1 = require("node:fs");
const generator_1 = require("./generator");
const server_1 = require("./server");
const store_1 = require("./store");
var server_2 = require("./server");
Object.defineProperty(exports, "startEmulator", { enumerable: true, get: function () { return server_2.startEmulator; } });
Object.defineProperty(exports, "loadEmulatorState", { enumerable: true, get: function () { return server_2.loadEmulatorState; } });
Object.defineProperty(exports, "DEFAULT_EMULATOR_TOKEN", { enumerable: true, get: function () { return server_2.DEFAULT_EMULATOR_TOKEN; } });
var quota_1 = require("./quota");
Object.defineProperty(exports, "KEAP_PAT_QUOTA", { enumerable: true, get: function () { return quota_1.KEAP_PAT_QUOTA; } });
Object.defineProperty(exports, "UNLIMITED_QUOTA", { enumerable: true, get: function () { return quota_1.UNLIMITED_QUOTA; } });
var disasters_1 = require("./disasters");
Object.defineProperty(exports, "DISASTER_KINDS", { enumerable: true, get: function () { return disasters_1.DISASTER_KINDS; } });
var store_2 = require("./store");
Object.defineProperty(exports, "EmulatorStore", { enumerable: true, get: function () { return store_2.EmulatorStore; } });
/**
 * Starts an emulator whose account is loaded from `stateFile` when that exists, and generated
 * from `seed`/`size` otherwise (then saved there, so a demo account persists between runs).
 */
async function startSeededEmulator(options = {}) {
    let store;
    let generated;
    if (options.stateFile && (0, node_fs_1.existsSync)(options.stateFile)) {
        store = await (0, server_1.loadEmulatorState)(options.stateFile);
    }
    else {
        store = new store_1.EmulatorStore();
        generated = (0, generator_1.generateAccount)(store, { seed: options.seed ?? 1, size: options.size ?? 200, plant: options.plant });
    }
    const emulator = await (0, server_1.startEmulator)({ ...options, store });
    if (generated && options.stateFile)
        await emulator.saveState();
    return Object.assign(emulator, { generated });
}
//# sourceMappingURL=index.js.map