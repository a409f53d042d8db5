"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CHROMIUM_FLAGS = void 0;
exports.findChromium = findChromium;
exports.launchChromium = launchChromium;
/** Debian's Chromium driven by playwright-core (no browser download). */
const node_fs_1 = require("node:fs");
const playwright_core_1 = require("playwright-core");
const CANDIDATES = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
function findChromium() {
    return CANDIDATES.find((p) => !!p && (0, node_fs_1.existsSync)(p));
}
exports.CHROMIUM_FLAGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
];
function launchChromium(executablePath) {
    return playwright_core_1.chromium.launch({ executablePath, headless: true, args: exports.CHROMIUM_FLAGS });
}
//# sourceMappingURL=browser.js.map