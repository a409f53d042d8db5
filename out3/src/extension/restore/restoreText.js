"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.restoreText = restoreText;
exports.resumeQuestion = resumeQuestion;
/**
 * The words of a Restores view entry: the status first (what a person looks for), then when and how
 * much, short enough for the default sidebar; the account, the plan file and its id only in the
 * tooltip. A screen reader hears the status, the date and the counts, never a UUID or a path.
 * No vscode import, so unit tests read them.
 */
const counted_1 = require("../../core/counted");
const localFormat_1 = require("../localFormat");
const pausedText_1 = require("./pausedText");
const STATUS_WORDS = {
    planned: 'Planned',
    applying: 'Applying',
    applied: 'Applied',
    'applied with problems': 'Applied with problems',
    interrupted: 'Interrupted',
    stale: 'Out of date',
};
/** What happened or would happen: "3 created, 1 updated" after an apply, "3 to create" before. */
function countsOf(entry) {
    const r = entry.result;
    if (r) {
        const parts = [`${r.created} created`, r.updated ? `${r.updated} updated` : '', r.failed ? `${r.failed} failed` : ''];
        return parts.filter(Boolean).join(', ');
    }
    const parts = [entry.creates ? `${entry.creates} to create` : '', entry.updates ? `${entry.updates} to update` : ''];
    return parts.filter(Boolean).join(', ') || 'nothing to do';
}
/** `connectionName`: the connection's name when it still exists (else the account is named). */
function restoreText(entry, connectionName, locale, timeZone) {
    const paused = entry.status === 'applying' ? entry.paused : undefined;
    const status = paused ? capitalized((0, pausedText_1.pausedText)(paused, timeZone).split(',')[0]) : STATUS_WORDS[entry.status];
    // After an apply, when it ended; before, when the plan was made.
    const at = entry.result?.finishedAt ?? entry.createdAt;
    const counts = countsOf(entry);
    const into = connectionName ? `${connectionName} (account ${entry.account})` : `account ${entry.account}`;
    const problems = entry.result?.problems ? `, ${(0, counted_1.counted)(entry.result.problems, 'verification problem')}` : '';
    const tooltip = [
        `${status}: ${counts}${problems}`,
        entry.result ? `Applied ${(0, localFormat_1.spokenDateTime)(entry.result.finishedAt, locale, timeZone)}` : undefined,
        `Planned ${(0, localFormat_1.spokenDateTime)(entry.createdAt, locale, timeZone)}, into ${into}`,
        paused
            ? `${capitalized((0, pausedText_1.pausedText)(paused, timeZone))}: Keap's daily quota is spent; the apply goes on by itself when it resets (keep VS Code open).`
            : undefined,
        `Plan file: ${entry.file}`,
    ]
        .filter(Boolean)
        .join('\n');
    return {
        label: status,
        description: `${(0, localFormat_1.localDateTime)(at, locale, timeZone)} · ${counts}`,
        tooltip,
        spoken: `Restore ${status.toLowerCase()}, ${(0, localFormat_1.spokenDateTime)(at, locale, timeZone)}, ${counts}${problems}, into ${connectionName ?? entry.account}`,
    };
}
const capitalized = (s) => s.charAt(0).toUpperCase() + s.slice(1);
/** The question asked when a window opens, for an apply the closed window left (resumePrompt.ts). */
function resumeQuestion(entry, connectionName) {
    const what = entry.paused
        ? `It was ${(0, pausedText_1.pausedText)(entry.paused)} for Keap's daily quota.`
        : `It was applying ${(entry.creates + entry.updates).toLocaleString('en-US')} steps.`;
    return `Keap Vault: a restore into ${connectionName} (${entry.account}) stopped when VS Code closed. ${what} Resume it? Steps already done are not sent again.`;
}
//# sourceMappingURL=restoreText.js.map