"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.captureSnapshot = captureSnapshot;
/**
 * Capture: the live account -> a snapshot file. Reads every entity at Keap's largest page size,
 * all entities at once within the quota (the client's throttle paces them), with as few requests
 * as Keap allows: contact tags come with the contacts (`tag_ids`), order items with the orders,
 * subscription plans with the products, payments from the one sales-payments list (with their
 * `order_ids`) instead of a call per order. N records cost about ceil(N/1000) requests per entity,
 * plus 4 for the custom-field models.
 *
 * Resumable: pages go to a journal first (see journal.ts); the snapshot file is written, whole
 * and atomically, only when every entity is read. Incremental: given an earlier snapshot, only
 * what changed since is read where Keap can filter by time, merged into a new complete snapshot.
 */
const node_crypto_1 = require("node:crypto");
const errors_1 = require("../keap/errors");
const filter_1 = require("../keap/filter");
const entities_1 = require("../entities");
const anomaly_1 = require("./anomaly");
const entities_2 = require("./entities");
const errors_2 = require("./errors");
const journal_1 = require("./journal");
const snapshotDb_1 = require("./snapshotDb");
const snapshotWriter_1 = require("./snapshotWriter");
const together_1 = require("../work/together");
async function captureSnapshot(options) {
    const { client, out } = options;
    const mode = options.since ? 'incremental' : 'full';
    // invariant: no caller combines them (live reads limit entities and are never incremental; takeSnapshot never limits).
    if (options.entities && options.since)
        throw new Error('An incremental capture reads every entity; it cannot be limited to some.');
    const entities = options.entities ?? entities_2.CAPTURED_ENTITIES;
    const dir = journal_1.CaptureJournal.dirFor(out);
    const existing = options.restart ? undefined : await journal_1.CaptureJournal.find(dir);
    const sameCapture = existing &&
        existing.state.out === out &&
        existing.state.mode === mode &&
        existing.state.sinceSnapshotId === options.since?.meta.snapshotId;
    const keyFit = sameCapture ? existing.unlock(options.key) : undefined;
    if (keyFit === 'wrong-key') {
        throw new errors_2.SnapshotKeyError(`An interrupted capture of ${out} was journaled with another encryption key: give the same key to continue it, or start over with --restart.`, out);
    }
    const reusable = keyFit === 'fits';
    const journal = reusable
        ? existing
        : await journal_1.CaptureJournal.start(dir, { out, mode, startedAt: new Date().toISOString(), sinceSnapshotId: options.since?.meta.snapshotId }, options.key);
    const requestsBefore = client.transport.requestCount;
    const sinceTime = options.since
        ? new Date(Date.parse(options.since.meta.startedAt) - (options.overlapMs ?? 5 * 60_000)).toISOString()
        : options.changedSince;
    const tasks = planTasks(client, entities, sinceTime, !!options.since && !!options.checkDeletions, options.pageSize);
    const estimates = (options.since?.meta ?? options.previous)?.counts ?? {};
    const report = (task, done) => {
        const cursor = journal.cursor(task.name);
        const stats = client.transport.throttle.stats;
        options.onProgress?.({
            entity: task.entity,
            phase: task.phase,
            records: cursor.records,
            pages: cursor.pages,
            estimatedTotal: estimates[task.entity],
            done,
            requests: client.transport.requestCount - requestsBefore,
            throttleWaits: stats.waits,
            throttleWaitedMs: stats.waitedMs,
        });
    };
    // A full capture builds the snapshot as pages arrive (each page is journaled first), on the
    // writer's thread, so the journal is read back only to continue an interrupted run. An
    // incremental one merges into a snapshot here, at the end.
    let writer = options.since ? undefined : new snapshotWriter_1.SnapshotWriter();
    const merged = options.since ? await snapshotDb_1.SnapshotDb.create() : undefined;
    try {
        let rebuild = false;
        // Whatever a crash wrote after a task's last recorded page is cut off before anything reads on.
        for (const task of tasks)
            await journal.prepare(task.name);
        if (writer && reusable)
            await loadFull(writer, journal, entities);
        const onPage = writer
            ? (task, items, jsons) => writer.insert(task.entity, items, jsons)
            : undefined;
        // Entities are read side by side; the first failure stops the others, and nothing is left
        // writing to the journal once this rejects.
        await (0, together_1.runTogether)(tasks, options.signal, async (task, signal) => {
            if (journal.cursor(task.name).done) {
                if (task.phase === 'records')
                    await writer?.entityDone(task.entity); // read by an earlier run, loaded above
                return report(task, true);
            }
            try {
                await readTask(journal, task, signal, () => report(task, false), onPage);
            }
            catch (err) {
                // A page token from before the interruption may have expired: read that entity again.
                if (!(err instanceof errors_1.KeapValidationError) || journal.cursor(task.name).pageToken === undefined || !/page_token/i.test(err.message))
                    throw err;
                await journal.reset(task.name);
                rebuild = !!writer; // the snapshot holds that entity's first pages twice now: build it again from the journal
                await readTask(journal, task, signal, () => report(task, false), onPage);
            }
            if (task.phase === 'records')
                await writer?.entityDone(task.entity);
            report(task, true);
        });
        options.signal?.throwIfAborted();
        if (rebuild) {
            await writer.close();
            writer = new snapshotWriter_1.SnapshotWriter();
            await loadFull(writer, journal, entities);
        }
        const deleted = merged ? await mergeIncremental(merged, options.since.db, journal, tasks) : undefined;
        const finishedAt = new Date().toISOString();
        const saved = {
            snapshotId: (0, node_crypto_1.randomUUID)(),
            account: client.transport.account,
            apiBaseUrl: client.transport.baseUrl,
            startedAt: journal.state.startedAt,
            finishedAt,
            requests: client.transport.requestCount - requestsBefore,
            incrementalFrom: options.since?.meta.snapshotId,
            deletionsChecked: options.since ? !!options.checkDeletions : undefined,
        };
        const meta = writer ? await writer.save(out, saved, { key: options.key }) : await merged.save(out, saved, { key: options.key });
        await journal.remove();
        const previousCounts = (options.previous ?? options.since?.meta)?.counts;
        return {
            file: out,
            meta,
            anomalies: previousCounts ? (0, anomaly_1.countAnomalies)(previousCounts, meta.counts, options.anomalyThreshold ?? anomaly_1.DEFAULT_ANOMALY_THRESHOLD) : [],
            resumed: !!reusable,
            requests: client.transport.requestCount - requestsBefore,
            deleted,
        };
    }
    finally {
        await writer?.close();
        merged?.close();
    }
}
function planTasks(client, entities, sinceTime, checkDeletions, pageSize) {
    const tasks = [];
    for (const module of entities_1.ENTITY_MODULES.filter((m) => entities.includes(m.name))) {
        const entity = module.name;
        const since = sinceTime && module.changedSince;
        tasks.push({
            name: entity,
            entity,
            phase: 'records',
            pages: (pageToken) => module.pages(client, { pageToken, pageSize, filter: since ? (0, filter_1.filter)(since, '==', sinceTime) : undefined }),
        });
        // Keap has no list of deletions: finding them means listing every id again.
        if (since && checkDeletions) {
            const sweep = module.idPages ?? module.pages;
            tasks.push({ name: `${entity}.ids`, entity, phase: 'deletion-check', pages: (pageToken) => sweep(client, { pageToken, pageSize }) });
        }
    }
    return tasks;
}
async function readTask(journal, task, signal, progress, onPage) {
    const cursor = journal.cursor(task.name);
    const ids = task.phase === 'deletion-check';
    // A page is compressed and stored while the next one is read; one page at most is in flight.
    let storing;
    try {
        for await (const page of task.pages(cursor.pageToken)) {
            signal?.throwIfAborted();
            // Each record is written as JSON once, for the journal and the snapshot alike.
            const jsons = ids
                ? page.items.map((r) => JSON.stringify({ id: entities_2.ENTITY_DEFS[task.entity].idOf(r) }))
                : page.items.map((r) => JSON.stringify(r));
            await journal.appendPage(task.name, jsons, page.nextPageToken);
            await storing;
            storing = ids ? undefined : onPage?.(task, page.items, jsons);
            storing?.catch(() => undefined); // awaited at the next page or below; not an unhandled rejection meanwhile
            progress();
        }
        await storing;
    }
    catch (err) {
        await storing?.catch(() => undefined); // nothing left running behind the error
        throw err;
    }
    if (!cursor.done) {
        cursor.done = true;
        await journal.appendPage(task.name, [], undefined);
    }
}
const BATCH = 1000;
async function loadFull(db, journal, entities) {
    for (const entity of entities)
        await insertBatched(db, entity, journal.records(entity));
    return undefined;
}
/**
 * Earlier snapshot + changes = the new snapshot. Changed records replace their earlier version;
 * entities read in full replace theirs; ids missing from a deletion sweep are removed (with the
 * child rows they carried).
 */
async function mergeIncremental(db, base, journal, tasks) {
    const deleted = {};
    let checked = false;
    for (const entity of entities_2.CAPTURED_ENTITIES) {
        const incremental = (0, entities_1.entityModule)(entity).changedSince !== undefined;
        if (incremental)
            await insertBatched(db, entity, (function* () {
                for (const row of base.rows(entity))
                    yield JSON.parse(row.json);
            })());
        const changed = [];
        const flush = () => {
            if (incremental)
                db.remove(entity, changed.map((r) => entities_2.ENTITY_DEFS[entity].idOf(r)));
            db.insert(entity, changed);
            changed.length = 0;
        };
        for await (const record of journal.records(entity)) {
            changed.push(record);
            if (changed.length >= BATCH)
                flush();
        }
        flush();
        if (tasks.some((t) => t.name === `${entity}.ids`)) {
            checked = true;
            const live = new Set();
            for await (const r of journal.records(`${entity}.ids`))
                live.add(r.id);
            const gone = db
                .all(`SELECT DISTINCT id FROM ${entity}`)
                .map((r) => r.id)
                .filter((id) => !live.has(id));
            deleted[entity] = db.remove(entity, gone);
        }
    }
    return checked ? deleted : undefined;
}
async function insertBatched(db, entity, records) {
    let batch = [];
    const flush = () => db.insert(entity, batch, batch.map((r) => JSON.stringify(r)));
    for await (const record of records) {
        batch.push(record);
        if (batch.length >= BATCH) {
            await flush();
            batch = [];
        }
    }
    if (batch.length)
        await flush();
}
//# sourceMappingURL=capture.js.map