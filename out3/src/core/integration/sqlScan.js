"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.scanSql = scanSql;
const idNumber_1 = require("./idNumber");
const keyNames_1 = require("./keyNames");
const INSERT = /\binsert\s+(?:ignore\s+|or\s+\w+\s+)?into\s+([`"[]?[\w.]+[`"\]]?)\s*\(([^)]*)\)\s*values\s*/gi;
const TABLE_THEN_WHERE = /\b(?:from|update)\s+[`"[]?(?:\w+\.)?(\w+)[`"\]]?/gi;
/** How far after `FROM table` its `WHERE` is looked for (a statement's first condition). */
const WHERE_WINDOW = 400;
const bare = (name) => name.replace(/^[`"[]|[`"\]]$/g, '').replace(/^.*\./, '');
function scanSql(text, found) {
    if (!/\b(?:insert|select|update|delete)\b/i.test(text))
        return;
    for (const m of text.matchAll(INSERT)) {
        const table = bare(m[1]);
        const tableKind = (0, keyNames_1.containerKindOf)(table);
        const columns = m[2].split(',').map((c) => {
            const name = bare(c.trim());
            if (/^id$/i.test(name))
                return tableKind && { kind: tableKind, context: `SQL ${table}.${name}` };
            const key = (0, keyNames_1.idKeyOf)(name);
            return key && { kind: key.kind, context: `SQL column ${name}` };
        });
        if (!columns.some(Boolean))
            continue;
        insertValues(text, m.index + m[0].length, columns, found);
    }
    for (const m of text.matchAll(TABLE_THEN_WHERE)) {
        const kind = (0, keyNames_1.containerKindOf)(m[1]);
        if (!kind)
            continue;
        const from = m.index + m[0].length;
        const window = text.slice(from, from + WHERE_WINDOW);
        const where = /\bwhere\s+(?:(\w+)\.)?id\s*(=|in\b)\s*/i.exec(window.split(';')[0]);
        if (!where || /\bjoin\b/i.test(window.slice(0, where.index)))
            continue;
        const at = from + where.index + where[0].length;
        const context = `SQL ${m[1]} WHERE id`;
        if (where[2] === '=') {
            const id = (0, idNumber_1.readIdNumber)(text, at);
            if (id)
                found.push({ kind, offset: id.start, length: id.end - id.start, rule: 'sql', context });
        }
        else if (text[at] === '(') {
            let i = at + 1;
            for (;;) {
                while (text[i] === ' ')
                    i++;
                const id = (0, idNumber_1.readIdNumber)(text, i);
                if (!id)
                    break;
                found.push({ kind, offset: id.start, length: id.end - id.start, rule: 'sql', context });
                i = id.next;
                while (text[i] === ' ')
                    i++;
                if (text[i] !== ',')
                    break;
                i++;
            }
        }
    }
}
/** `(1234, 'UPS', 12), (1240, …)`: each tuple's values by column position, quotes respected. */
function insertValues(text, at, columns, found) {
    let i = at;
    for (;;) {
        while (/\s/.test(text[i] ?? ''))
            i++;
        if (text[i] !== '(')
            return;
        i++;
        let column = 0;
        for (;;) {
            while (text[i] === ' ' || text[i] === '\t')
                i++;
            const spec = columns[column];
            if (spec) {
                const id = (0, idNumber_1.readIdNumber)(text, i);
                if (id)
                    found.push({ kind: spec.kind, offset: id.start, length: id.end - id.start, rule: 'sql', context: spec.context });
            }
            // to the end of this value: a quoted string, or anything up to a comma or the closing bracket
            let depth = 0;
            while (i < text.length) {
                const c = text[i];
                if (c === "'" || c === '"') {
                    const close = text.indexOf(c, i + 1);
                    if (close < 0)
                        return;
                    i = close + 1;
                    continue;
                }
                if (c === '(')
                    depth++;
                else if (c === ')') {
                    if (depth === 0)
                        break;
                    depth--;
                }
                else if (c === ',' && depth === 0)
                    break;
                else if (c === ';')
                    return;
                i++;
            }
            if (i >= text.length)
                return;
            if (text[i] === ')') {
                i++;
                break;
            }
            i++; // the comma
            column++;
        }
        while (/\s/.test(text[i] ?? ''))
            i++;
        if (text[i] !== ',')
            return;
        i++;
    }
}
//# sourceMappingURL=sqlScan.js.map