"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.statusText = statusText;
/**
 * What the Keap Vault status bar item says: the active connection (and what is wrong with it), or
 * the work running against it, or an apply waiting for Keap's quota. No vscode import, so unit
 * tests read it; statusBar.ts shows it.
 */
const connectionWords_1 = require("../connections/connectionWords");
const counted_1 = require("../../core/counted");
const pausedText_1 = require("../restore/pausedText");
function statusText(input) {
    const { connection, problem, work, applying } = input;
    if (!connection)
        return undefined;
    const name = connection.name;
    if (problem) {
        const { short, sentence } = (0, connectionWords_1.problemText)(problem, name);
        return {
            text: `$(warning) ${name}: ${short}`,
            tooltip: `${sentence}\nClick to set it.`,
            spoken: `Keap Vault: ${sentence}`,
            click: 'set-credential',
            warning: true,
        };
    }
    const icon = connection.demo ? '$(beaker)' : '$(plug)';
    const more = work.length > 1 ? ` (and ${work.length - 1} more)` : '';
    if (work.length) {
        return {
            text: `$(sync~spin) ${name}: ${work[0]}${more}`,
            tooltip: `Keap Vault is ${work.join(', ')} with ${name}. Progress and Cancel are in its notification.`,
            spoken: `Keap Vault: ${work[0]}${more} with ${name}`,
            click: 'open-view',
            warning: false,
        };
    }
    if (applying?.paused) {
        const paused = (0, pausedText_1.pausedText)(applying.paused, input.timeZone);
        return {
            text: `$(watch) ${name}: restore ${paused.split(',')[0]}`,
            tooltip: `A restore into ${name} is ${paused}: Keap's daily quota is spent. It goes on by itself when the quota resets (keep VS Code open).`,
            spoken: `Keap Vault: restore into ${name} ${paused}`,
            click: 'open-view',
            warning: false,
        };
    }
    if (applying) {
        // The only status bar entry of an apply (it shows no progress of its own): how far it is, in steps.
        const total = applying.total ?? 0;
        const count = total ? ` ${Math.min(applying.done ?? 0, total).toLocaleString('en')}/${total.toLocaleString('en')}` : '';
        const sofar = total ? `: ${(0, counted_1.counted)(applying.done ?? 0, 'step')} of ${total.toLocaleString('en')} done` : '';
        return {
            text: `$(sync~spin) ${name}: restoring${count}`,
            tooltip: `A restore into ${name} is running${sofar}; its preview shows each step and has Cancel.`,
            spoken: `Keap Vault: restoring into ${name}${sofar}`,
            click: 'open-view',
            warning: false,
        };
    }
    const where = (0, connectionWords_1.placeOf)(connection);
    return {
        text: `${icon} ${name}`,
        tooltip: `Keap Vault: ${name} (${where}). Click to open the Accounts view.`,
        spoken: `Keap Vault connection ${name}, ${where}`,
        click: 'open-view',
        warning: false,
    };
}
//# sourceMappingURL=statusText.js.map