/**
 * A restore plan on disk. A plan of a large account holds a hash per live record and a step (with
 * its record) per record to restore: at 250k contacts its JSON no longer fits in one JavaScript
 * string, so it is never made into one. It is written, and read back, one line per live record and
 * per step:
 *
 *     {"formatVersion":"2.0",…,"live":{"readAt":…,"fingerprint":…,"records":[
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
import { promises as fs } from 'node:fs';
import { writeFileAtomic } from '../fs/atomicWrite';
import { fileLines } from '../fs/fileLines';
import { checkPlan, parsePlan, PlanFormatError, type PlanStep, type RestorePlan } from './plan';
import type { SpooledPlan } from './planner';

/** A plan without its live records and steps: what it is for, not what it does record by record. */
export type PlanHead = Omit<RestorePlan, 'steps' | 'live'> & { live: Omit<RestorePlan['live'], 'records'> };

/** The line that ends the live records and opens the steps. */
const STEPS_OPEN = ']},"steps":[';
const STEPS_CLOSE = ']}';
const RECORDS_OPEN = '"records":[';

/**
 * The plan's text is written this many characters at a time, about (a page of lines, not the
 * whole plan): a page's string stays below V8's large-object size (128 KiB), so it is swept with
 * the young generation instead of waiting for a full collection (see collections/lineSpool.ts).
 */
const FLUSH_CHARS = 1 << 15;

/** What a plan file is written from: a plan in memory, or a plan made with its steps in their spool. */
export type PlanSource = RestorePlan | Pick<SpooledPlan, 'head' | 'stepLines'>;

/** The plan's text, line by line (each piece ends with its newline). */
export function* planTextLines(plan: PlanSource): Generator<string> {
  const spooled = 'stepLines' in plan;
  const { live, ...rest } = spooled ? plan.head : plan;
  if (!spooled) delete (rest as Partial<RestorePlan>).steps;
  const { records, ...liveRest } = live;
  yield `${openObject(rest)}"live":${openObject(liveRest)}${RECORDS_OPEN}\n`;
  yield* elementLines(texts(records));
  yield `${STEPS_OPEN}\n`;
  yield* elementLines(spooled ? plan.stepLines() : texts(plan.steps));
  yield `${STEPS_CLOSE}\n`;
}

function* texts(items: readonly unknown[]): Generator<string> {
  for (const item of items) yield JSON.stringify(item);
}

/** Writes `plan` to `file` atomically (a reader sees the old plan or the whole new one), a page at a time. */
export async function writePlanFile(file: string, plan: PlanSource): Promise<void> {
  await writeFileAtomic(file, async (handle) => {
    let page: string[] = [];
    let bytes = 0;
    for (const line of planTextLines(plan)) {
      page.push(line);
      bytes += line.length;
      if (bytes >= FLUSH_CHARS) {
        await handle.write(page.join(''));
        page = [];
        bytes = 0;
      }
    }
    if (page.length) await handle.write(page.join(''));
  });
}

/** Reads a plan file, whichever way it was written; a damaged one is a PlanFormatError naming its line. */
export function readPlanFile(file: string): Promise<RestorePlan> {
  return readPlan(file, false);
}

/** The head of the plan only (account, times, snapshot, headline): for choosing among many plans without reading their steps. */
export function readPlanHead(file: string): Promise<PlanHead> {
  return readPlan(file, true);
}

/** `headOnly`: a plan in lines is read no further than its first line (a plan written before is read whole). */
async function readPlan(file: string, headOnly: boolean): Promise<RestorePlan> {
  let plan: RestorePlan | undefined;
  for await (const part of planParts(file)) {
    if (part.kind === 'whole') return part.plan;
    if (part.kind === 'head') {
      if (headOnly) return part.plan;
      plan = part.plan;
    } else {
      // A plan in lines yields its head before any record or step.
      const value = parseLine(part.text, part.lineNo);
      if (part.kind === 'records') plan!.live.records.push(value as RestorePlan['live']['records'][number]);
      else plan!.steps.push(value as PlanStep);
    }
  }
  return plan!;
}

/**
 * The steps of a plan file, one at a time and in order, its head checked first: a large plan's
 * steps are never all in memory. A damaged or cut plan is a PlanFormatError naming its line.
 */
export async function* readPlanSteps(file: string): AsyncGenerator<PlanStep> {
  for await (const part of planParts(file)) {
    if (part.kind === 'whole') yield* part.plan.steps;
    else if (part.kind === 'steps') yield parseLine(part.text, part.lineNo) as PlanStep;
  }
}

/** What a plan file holds, in order, as read by every reader above. */
type PlanPart =
  /** A plan written before plans were written a line per step: read whole, the only part. */
  | { kind: 'whole'; plan: RestorePlan }
  /** A plan in lines: its first line, checked, with no live record and no step yet. */
  | { kind: 'head'; plan: RestorePlan }
  /** Then each live record's and each step's JSON text, and its line. */
  | { kind: 'records' | 'steps'; text: string; lineNo: number };

/**
 * Walks a plan file once: the parts of a plan in lines, refusing a file cut short or one with
 * more after the plan's end; a plan written otherwise whole. Stopping early closes the file.
 */
async function* planParts(file: string): AsyncGenerator<PlanPart> {
  const lines = fileLines(file);
  try {
    const iterator = lines[Symbol.asyncIterator]();
    const first = await iterator.next();
    if (first.done || !isLineLayout(first.value)) {
      yield { kind: 'whole', plan: await readWhole(file) };
      return;
    }
    yield { kind: 'head', plan: headOf(first.value) };
    let section: 'records' | 'steps' | undefined = 'records';
    let lineNo = 1;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      lineNo++;
      const line = next.value;
      if (section === 'records' && line === STEPS_OPEN) section = 'steps';
      else if (section === 'steps' && line === STEPS_CLOSE) section = undefined;
      else if (section) yield { kind: section, text: line.endsWith(',') ? line.slice(0, -1) : line, lineNo };
      else if (line.trim()) throw new PlanFormatError(`Not a restore plan: line ${lineNo} follows the end of the plan.`);
    }
    if (section) throw new PlanFormatError(`The restore plan ends early, at line ${lineNo}: the file was cut short. Plan again.`);
  } finally {
    lines.close();
  }
}

function isLineLayout(firstLine: string): boolean {
  return firstLine.startsWith('{') && firstLine.endsWith(RECORDS_OPEN);
}

function headOf(firstLine: string): RestorePlan {
  return checkPlan(parseLine(`${firstLine}]}, "steps": []}`, 1) as RestorePlan);
}

function parseLine(text: string, lineNo: number): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new PlanFormatError(`The restore plan is damaged at line ${lineNo}: ${(err as Error).message}. Plan again.`);
  }
}

/** A plan written before plans were written a line per step (pretty-printed, or by hand). */
async function readWhole(file: string): Promise<RestorePlan> {
  return parsePlan(await fs.readFile(file, 'utf8'));
}

/** `{"a":1,"b":2,` — an object's text left open for more members. */
function openObject(value: object): string {
  const text = JSON.stringify(value);
  return text === '{}' ? '{' : `${text.slice(0, -1)},`;
}

/** JSON texts as the lines of an array's elements: a comma after each but the last. */
function* elementLines(jsonTexts: Iterable<string>): Generator<string> {
  let previous: string | undefined;
  for (const text of jsonTexts) {
    if (previous !== undefined) yield `${previous},\n`;
    previous = text;
  }
  if (previous !== undefined) yield `${previous}\n`;
}
