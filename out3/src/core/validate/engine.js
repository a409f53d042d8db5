"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_SETTINGS = void 0;
exports.ruleById = ruleById;
exports.validateSnapshot = validateSnapshot;
exports.validateSnapshotInSlices = validateSnapshotInSlices;
const errors_1 = require("./errors");
const rules_1 = require("./rules");
const ruleBatches_1 = require("./ruleBatches");
const eventLoopSlices_1 = require("../work/eventLoopSlices");
exports.DEFAULT_SETTINGS = {
    roundingToleranceCents: 1,
    duplicateWindowMinutes: 10,
};
function ruleById(id) {
    return rules_1.ALL_RULES.find((r) => r.id === id);
}
/** Validates in one go, holding the thread until done (tests, and work already off the UI's thread). */
function validateSnapshot(db, options = {}) {
    const run = validation(db, options, ruleBatches_1.DEFAULT_BATCH_ROWS);
    for (;;) {
        const step = run.next();
        if (step.done)
            return step.value;
    }
}
/**
 * Validates without holding the event loop for more than a few tens of milliseconds at a time:
 * between rules and between a rule's batches the event loop gets a turn once the current slice is
 * long enough. Reports "rule n of N" with its title; when `signal` aborts, rejects with
 * CancelledError and leaves no temporary table behind (each rule drops its own in `finally`).
 */
async function validateSnapshotInSlices(db, options = {}, control = {}) {
    const slices = new eventLoopSlices_1.EventLoopSlices(control.signal, 'Validation');
    const run = validation(db, options, control.batchRows ?? ruleBatches_1.DEFAULT_BATCH_ROWS, control.onProgress);
    try {
        for (;;) {
            await slices.maybeYield();
            const step = run.next();
            if (step.done)
                return step.value;
        }
    }
    finally {
        // Cancelled midway: ends the rule running now, so its `finally` drops its temporary tables.
        run.return(undefined);
    }
}
/** The validation as a generator that yields between rules and between a rule's batches. */
function* validation(db, options, batchRows, onProgress) {
    for (const id of [...(options.only ?? []), ...Object.keys(options.rules ?? {})]) {
        if (!ruleById(id))
            throw new errors_1.ValidationSettingError('unknown-rule', `Unknown rule '${id}'; rules are: ${rules_1.ALL_RULES.map((r) => r.id).join(', ')}`, id);
    }
    const settings = {
        ...exports.DEFAULT_SETTINGS,
        now: snapshotTime(db) ?? new Date().toISOString(),
        ...options.settings,
    };
    const chosen = [];
    for (const rule of rules_1.ALL_RULES) {
        const setting = options.rules?.[rule.id] ?? rule.severity;
        if (setting !== 'off' && (!options.only || options.only.includes(rule.id)))
            chosen.push({ rule, setting });
    }
    const findings = [];
    const rules = [];
    for (const [n, { rule, setting }] of chosen.entries()) {
        onProgress?.({ step: `Rule ${n + 1} of ${chosen.length}: ${rule.title}`, done: n, total: chosen.length, unit: 'rules' });
        const started = Date.now();
        const batches = new ruleBatches_1.BatchSizer(batchRows);
        const found = (yield* timedSteps(ruleFindings(rule.run({ db, settings, batches })), batches)).map((f) => ({
            ...f,
            ruleId: rule.id,
            severity: setting,
        }));
        findings.push(...found);
        rules.push({ id: rule.id, title: rule.title, severity: setting, findings: found.length, ms: Date.now() - started });
        yield;
    }
    onProgress?.({ step: 'Done', done: chosen.length, total: chosen.length, unit: 'rules' });
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of findings)
        counts[f.severity]++;
    return { findings, rules, settings, counts };
}
function* ruleFindings(run) {
    return Array.isArray(run) ? run : yield* run;
}
/** Runs a rule step by step, telling its batch sizer how long each step (one batch) took. */
function* timedSteps(run, batches) {
    try {
        for (;;) {
            const started = performance.now();
            const step = run.next();
            batches.lastStepMs = performance.now() - started;
            if (step.done)
                return step.value;
            yield;
        }
    }
    finally {
        // Stopped from outside (cancelled): the rule's own `finally` drops its temporary tables.
        run.return([]);
    }
}
/** The time the snapshot was taken: "the future" starts there, not at today's date. */
function snapshotTime(db) {
    try {
        return db.meta().finishedAt;
    }
    catch {
        return undefined;
    }
}
//# sourceMappingURL=engine.js.map