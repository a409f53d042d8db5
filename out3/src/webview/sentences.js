"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.countsText = countsText;
exports.sumCounts = sumCounts;
exports.headlineCounts = headlineCounts;
exports.stepCounts = stepCounts;
exports.planSentence = planSentence;
exports.planSentenceText = planSentenceText;
exports.entityCountsText = entityCountsText;
exports.receiptHasProblems = receiptHasProblems;
exports.createdCounts = createdCounts;
exports.doneCounts = doneCounts;
exports.resultSentence = resultSentence;
/**
 * The sentences that say what a plan will do and what an apply did, from counts: the page's summary
 * and result header, and the host's confirmation, notification and tab title. Pure (no DOM), so both
 * sides say the same thing in the same words.
 */
const labels_1 = require("./labels");
/** "2 orders, 4 payments and 1 custom field", most important first; '' for none. */
function countsText(counts) {
    return (0, labels_1.listOf)(labels_1.ENTITY_IMPORTANCE.filter((e) => counts[e]).map((e) => (0, labels_1.countOf)(counts[e], e)));
}
function sumCounts(counts) {
    return Object.values(counts).reduce((n, c) => n + (c ?? 0), 0);
}
/** Per entity, how many steps of `action` the headline holds. */
function headlineCounts(headline, action) {
    const out = {};
    for (const [entity, counts] of Object.entries(headline))
        if (counts[action])
            out[entity] = counts[action];
    return out;
}
/** Per entity and action, the steps given (e.g. the selection). */
function stepCounts(steps, action) {
    const out = {};
    for (const step of steps)
        if (step.action === action)
            out[step.entity] = (out[step.entity] ?? 0) + 1;
    return out;
}
/**
 * The plan in one paragraph: "Will create 2 orders, 4 payments and 1 custom field in Keap (acme).
 * Nothing is deleted. 1 order needs your decision. 1 subscription can't be restored." Parts, so the
 * page can set the connection's name apart.
 */
function planSentence(headline) {
    const creates = countsText(headlineCounts(headline, 'create'));
    const updates = countsText(headlineCounts(headline, 'update'));
    const will = creates && updates
        ? `Will create ${creates}, and update ${updates}`
        : creates
            ? `Will create ${creates}`
            : updates
                ? `Will update ${updates}`
                : 'Nothing to create or update';
    const after = ['Nothing is deleted.'];
    const conflicts = headlineCounts(headline, 'conflict');
    const blocked = headlineCounts(headline, 'blocked');
    for (const e of labels_1.ENTITY_IMPORTANCE)
        if (conflicts[e])
            after.push(`${(0, labels_1.countOf)(conflicts[e], e)} ${conflicts[e] === 1 ? 'needs' : 'need'} your decision.`);
    for (const e of labels_1.ENTITY_IMPORTANCE)
        if (blocked[e])
            after.push(`${(0, labels_1.countOf)(blocked[e], e)} can't be restored.`);
    return { will, after };
}
/** The same as one string: "Will create … in Keap (acme). Nothing is deleted. …". */
function planSentenceText(headline, connection) {
    const { will, after } = planSentence(headline);
    return [`${will} in ${connection}.`, ...after].join(' ');
}
/** "7 to create · 1 needs your decision · 64 unchanged" for one entity's counts. */
function entityCountsText(counts, order) {
    return order
        .filter((a) => counts[a])
        .map((a) => (0, labels_1.actionCount)(counts[a], a))
        .join(' · ');
}
/** Whether the receipt reports anything a person must look at. */
function receiptHasProblems(receipt) {
    return !!(receipt.failed.length || receipt.verification.problems.length || receipt.conflicts?.length || receipt.duplicates?.length);
}
/** Per entity, what the receipt's id map says was created. */
function createdCounts(receipt) {
    const out = {};
    for (const entry of receipt.idMap)
        out[entry.entity] = (out[entry.entity] ?? 0) + 1;
    return out;
}
/** Per entity, the steps of `action` that apply reported done (what the page knows from progress). */
function doneCounts(steps, progress, action) {
    return stepCounts([...steps].filter((s) => progress[s.id]?.status === 'done'), action);
}
/**
 * The result of an apply in one line: "Restored 2 orders and 4 payments · verified 3/3", with what
 * went wrong: "Restored 1 order · 1 failed · verified 1/1". `done`: what was created and updated per
 * kind of record when the caller knows it (the page, from progress); else the receipt's id map says
 * what was created.
 */
function resultSentence(receipt, done) {
    const created = countsText(done?.created ?? createdCounts(receipt));
    const updated = done ? countsText(done.updated) : '';
    const linked = receipt.linked?.length ?? 0;
    const parts = [
        created ? `Restored ${created}` : receipt.created ? `Restored ${receipt.created.toLocaleString('en-US')} records` : '',
        updated ? `updated ${updated}` : receipt.updated ? `updated ${receipt.updated.toLocaleString('en-US')}` : '',
        linked ? `linked ${linked.toLocaleString('en-US')} already in Keap` : '',
    ];
    const written = parts.filter(Boolean);
    const head = written.length ? written.join(', ') : 'Nothing was written';
    const problems = [
        receipt.failed.length ? `${receipt.failed.length} failed` : '',
        receipt.conflicts?.length ? `${receipt.conflicts.length} held as ${receipt.conflicts.length === 1 ? 'a conflict' : 'conflicts'}` : '',
        receipt.duplicates?.length ? `${receipt.duplicates.length} restored twice` : '',
    ].filter(Boolean);
    const { checked, problems: differences } = receipt.verification;
    // A verification problem is one difference, not one record: say how many, not a ratio that could mislead.
    const verified = differences.length
        ? ` · verification found ${differences.length} ${differences.length === 1 ? 'difference' : 'differences'}`
        : checked
            ? ` · verified ${checked}/${checked}`
            : '';
    return `${head}${problems.length ? ` · ${problems.join(', ')}` : ''}${verified}`;
}
//# sourceMappingURL=sentences.js.map