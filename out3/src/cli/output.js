"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.processIo = exports.EXIT_PAUSED = exports.EXIT_USAGE = exports.EXIT_FAILURE = exports.EXIT_OK = exports.ApplyStoppedForQuota = exports.FindingsFound = exports.UsageError = exports.counted = void 0;
exports.printJson = printJson;
exports.printTable = printTable;
exports.displayWidth = displayWidth;
exports.countedEntity = countedEntity;
exports.shellPath = shellPath;
/** Printing for the CLI: plain aligned text for people, `--json` for machines, errors on stderr. */
const entities_1 = require("../core/entities");
const counted_1 = require("../core/counted");
Object.defineProperty(exports, "counted", { enumerable: true, get: function () { return counted_1.counted; } });
const errors_1 = require("../core/errors");
/** The command line asked for something that cannot be done as asked: exit 2, with what to type instead. */
class UsageError extends errors_1.KeapVaultError {
    kind = 'usage';
}
exports.UsageError = UsageError;
/** The command did its job and found problems (e.g. validation errors): exit 1, already reported. */
class FindingsFound extends Error {
    count;
    constructor(count) {
        super(`${(0, counted_1.counted)(count, 'problem')} found`);
        this.count = count;
    }
}
exports.FindingsFound = FindingsFound;
/**
 * An apply stopped between steps rather than wait for Keap's quota longer than `--max-wait`: exit
 * 75 (EX_TEMPFAIL, "try again later"), already reported, continued by `apply --resume`.
 */
class ApplyStoppedForQuota extends Error {
    resumeAt;
    constructor(resumeAt) {
        super(`stopped for Keap's quota until ${resumeAt.toISOString()}`);
        this.resumeAt = resumeAt;
    }
}
exports.ApplyStoppedForQuota = ApplyStoppedForQuota;
exports.EXIT_OK = 0;
exports.EXIT_FAILURE = 1;
exports.EXIT_USAGE = 2;
/** An apply stopped for the quota by --max-wait; `apply --resume` continues it (sysexits' EX_TEMPFAIL). */
exports.EXIT_PAUSED = 75;
exports.processIo = {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
};
function printJson(io, value) {
    io.out(JSON.stringify(value, null, 2));
}
/** A left-aligned table; cells are made single-line so data cannot break the layout. */
function printTable(io, headers, rows) {
    const clean = (v) => String(v ?? '')
        .replace(/[\r\n\t]+/g, ' ')
        // eslint-disable-next-line no-control-regex -- control characters are what this strips, so they cannot reach the terminal
        .replace(/[\u0000-\u001f\u007f]/g, '');
    const cells = [headers, ...rows.map((r) => r.map(clean))];
    const widths = headers.map((_, i) => Math.min(40, Math.max(...cells.map((r) => displayWidth(r[i] ?? '')))));
    const fit = (text, w) => {
        let out = '';
        let used = 0;
        for (const ch of text) {
            const cw = displayWidth(ch);
            if (used + cw > w - (displayWidth(text) > w ? 1 : 0))
                return out + '…' + ' '.repeat(Math.max(0, w - used - 1));
            out += ch;
            used += cw;
        }
        return out + ' '.repeat(w - used);
    };
    for (const row of cells)
        io.out(row
            .map((c, i) => fit(c ?? '', widths[i]))
            .join('  ')
            .trimEnd());
}
/**
 * Terminal columns a text takes: East Asian Wide and Fullwidth characters (CJK, Hangul, fullwidth
 * forms, most emoji) take two, combining marks and invisible format characters (accents typed as
 * a second code point, zero-width joiners, variation selectors) none, everything else one.
 */
function displayWidth(text) {
    let width = 0;
    for (const ch of text) {
        const cp = ch.codePointAt(0);
        if (ZERO_WIDTH.test(ch))
            continue;
        const wide = (cp >= 0x1100 && cp <= 0x115f) || // Hangul Jamo initials
            (cp >= 0x2e80 && cp <= 0x303e) || // CJK radicals, Kangxi, ideographic punctuation and space
            (cp >= 0x3041 && cp <= 0x33ff) || // kana, Bopomofo, Hangul compatibility, CJK symbols
            (cp >= 0x3400 && cp <= 0x4dbf) || // CJK extension A
            (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified ideographs
            (cp >= 0xa000 && cp <= 0xa4cf) || // Yi
            (cp >= 0xa960 && cp <= 0xa97f) || // Hangul Jamo extended A
            (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul syllables
            (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
            (cp >= 0xfe10 && cp <= 0xfe19) || // vertical forms
            (cp >= 0xfe30 && cp <= 0xfe6f) || // CJK compatibility forms, small form variants
            (cp >= 0xff00 && cp <= 0xff60) || // fullwidth forms
            (cp >= 0xffe0 && cp <= 0xffe6) || // fullwidth signs
            (cp >= 0x1f300 && cp <= 0x1f64f) || // pictographs, emoticons
            (cp >= 0x1f900 && cp <= 0x1f9ff) || // supplemental pictographs
            (cp >= 0x20000 && cp <= 0x3fffd); // CJK extensions B and beyond
        width += wide ? 2 : 1;
    }
    return width;
}
/** Combining marks (Mn, Me) and format characters (Cf: zero-width joiner, bidi marks…): no column of their own. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u;
/** `counted` for a Keap entity by its name: "1 order", "3 companies", "2 tag assignments". */
function countedEntity(n, entity) {
    const noun = (0, entities_1.entityNoun)(entity);
    return noun ? (0, counted_1.counted)(n, noun.one, noun.many) : `${n.toLocaleString('en-US')} ${entity}`;
}
/**
 * A path as a shell reads it: quoted when it holds anything but letters, digits and `/._-:+@,=`, so
 * a printed command (`keap-vault apply '…/Application Support/…'`) can be pasted as it is.
 */
function shellPath(file) {
    return /^[\w/.\-:+@,=]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
}
//# sourceMappingURL=output.js.map