"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.planTextLines = planTextLines;
exports.writePlanFile = writePlanFile;
exports.readPlanFile = readPlanFile;
exports.readPlanHead = readPlanHead;
/**
 * A restore plan on disk. A plan of a large account holds a hash per live record and a step (with
 * its record) per record to restore: at 250k contacts its JSON no longer fits in one JavaScript
 * string, so it is never made into one. It is written, and read back, one line per live record and
 * per step:
 *
 *     {"formatVersion":"1.0",…,"live":{"readAt":…,"fingerprint":…,"records":[
 *     {"entity":"contacts","id":"1","hash":"…"},
 *     …
 *     ]},"steps":[
 *     {"entity":"contacts","id":"7","action":"create",…},
 *     …
 *     ]}
 *
 * The whole file is still one JSON document of the plan format (any JSON reader, and earlier Keap
 * Vault releases, read it), and a line per step keeps plans greppable and their diffs readable.
 * Plans written before, pretty-printed, are read whole as they always were.
 */
const node_fs_1 = require("node:fs");
const node_readline_1 = __importDefault(require("node:readline"));
const atomicWrite_1 = require("../fs/atomicWrite");
const plan_1 = require("./plan");
/** The line that ends the live records and opens the steps. */
const STEPS_OPEN = ']},"steps":[';
const STEPS_CLOSE = ']}';
const RECORDS_OPEN = '"records":[';
/** Writes the pieces of a plan's text are flushed in (a page of lines, not the whole plan). */
const FLUSH_BYTES = 1 << 20;
/** The plan's text, line by line (each piece ends with its newline). */
function* planTextLines(plan) {
    const { live, steps, ...rest } = plan;
    const { records, ...liveRest } = live;
    yield `${openObject(rest)}"live":${openObject(liveRest)}${RECORDS_OPEN}\n`;
    yield* elementLines(records);
    yield `${STEPS_OPEN}\n`;
    yield* elementLines(steps);
    yield `${STEPS_CLOSE}\n`;
}
/** Writes `plan` to `file` atomically (a reader sees the old plan or the whole new one), a page at a time. */
async function writePlanFile(file, plan) {
    await (0, atomicWrite_1.writeFileAtomic)(file, async (handle) => {
        let page = [];
        let bytes = 0;
        for (const line of planTextLines(plan)) {
            page.push(line);
            bytes += line.length;
            if (bytes >= FLUSH_BYTES) {
                await handle.write(page.join(''));
                page = [];
                bytes = 0;
            }
        }
        if (page.length)
            await handle.write(page.join(''));
    });
}
/** Reads a plan file, whichever way it was written; a damaged one is a PlanFormatError naming its line. */
async function readPlanFile(file) {
    const lines = node_readline_1.default.createInterface({ input: (0, node_fs_1.createReadStream)(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    try {
        const iterator = lines[Symbol.asyncIterator]();
        const first = await iterator.next();
        if (first.done || !isLineLayout(first.value))
            return await readWhole(file);
        return await readLines(first.value, iterator);
    }
    finally {
        lines.close();
    }
}
/** The head of the plan only (account, times, snapshot, headline): for choosing among many plans without reading their steps. */
async function readPlanHead(file) {
    const lines = node_readline_1.default.createInterface({ input: (0, node_fs_1.createReadStream)(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    try {
        const first = await lines[Symbol.asyncIterator]().next();
        if (first.done || !isLineLayout(first.value))
            return await readWhole(file);
        return headOf(first.value);
    }
    finally {
        lines.close();
    }
}
function isLineLayout(firstLine) {
    return firstLine.startsWith('{') && firstLine.endsWith(RECORDS_OPEN);
}
function headOf(firstLine) {
    return (0, plan_1.checkPlan)(parseLine(`${firstLine}]}, "steps": []}`, 1));
}
async function readLines(firstLine, lines) {
    const plan = headOf(firstLine);
    const records = plan.live.records;
    const steps = plan.steps;
    let into = records;
    let lineNo = 1;
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
        lineNo++;
        const line = next.value;
        if (into === records && line === STEPS_OPEN)
            into = steps;
        else if (into === steps && line === STEPS_CLOSE)
            into = undefined;
        else if (into)
            into.push(parseLine(line.endsWith(',') ? line.slice(0, -1) : line, lineNo));
        else if (line.trim())
            throw new plan_1.PlanFormatError(`Not a restore plan: line ${lineNo} follows the end of the plan.`);
    }
    if (into)
        throw new plan_1.PlanFormatError(`The restore plan ends early, at line ${lineNo}: the file was cut short. Plan again.`);
    return plan;
}
function parseLine(text, lineNo) {
    try {
        return JSON.parse(text);
    }
    catch (err) {
        throw new plan_1.PlanFormatError(`The restore plan is damaged at line ${lineNo}: ${err.message}. Plan again.`);
    }
}
/** A plan written before plans were written a line per step (pretty-printed, or by hand). */
async function readWhole(file) {
    return (0, plan_1.parsePlan)(await node_fs_1.promises.readFile(file, 'utf8'));
}
/** `{"a":1,"b":2,` — an object's text left open for more members. */
function openObject(value) {
    const text = JSON.stringify(value);
    return text === '{}' ? '{' : `${text.slice(0, -1)},`;
}
function* elementLines(items) {
    const last = items.length - 1;
    for (let i = 0; i <= last; i++)
        yield `${JSON.stringify(items[i])}${i < last ? ',' : ''}\n`;
}
//# sourceMappingURL=planFile.js.map