"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NdjsonReader = exports.JsonDocumentReader = void 0;
exports.jsonErrorMessage = jsonErrorMessage;
/**
 * Records from JSON and NDJSON text read a piece at a time, each with the positions of its
 * values. The parser recovers from errors as jsonc-parser does: after a syntax error the rest of
 * the document is still read, and only a record that contains the error is left out.
 *
 * A JSON file is one of: an array of records; Keap Vault's export document
 * (`{"meta": …, "entities": {"orders": […]}}`); a Keap list answer (`{"orders": […],
 * "next_page_token": …}`); or a single record. The records of an array and of an export document
 * are handed on one by one as they are read, so a large file is never held whole. A list answer
 * or a single record is held until the document ends, as only its last key can tell which it is
 * (Keap's list answers hold at most 1,000 records). An export document is known by its `entities`
 * object before any `id` key: a record with an `entities` object and a later `id` is taken for one.
 */
const entities_1 = require("../../snapshot/entities");
const fieldPath_1 = require("./fieldPath");
const jsonNode_1 = require("./jsonNode");
const textPosition_1 = require("./textPosition");
const jsonParser_1 = require("./jsonParser");
const jsonTokenizer_1 = require("./jsonTokenizer");
/** Keys a Keap list answer has besides its array of records. */
const LIST_KEYS = new Set(['next_page_token', 'previous_page_token', 'count', 'next', 'previous']);
/** Errors waiting for the record they may fall in; past this many the oldest are placed outside any record (a file of garbage). */
const MAX_PENDING_ERRORS = 10_000;
const MESSAGES = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'a property name in double quotes was expected',
    ValueExpected: 'a value was expected',
    ColonExpected: 'a colon (:) was expected',
    CommaExpected: 'a comma (,) was expected',
    CloseBraceExpected: 'a closing brace (}) was expected',
    CloseBracketExpected: 'a closing bracket (]) was expected',
    EndOfFileExpected: 'unexpected text after the end of the JSON value',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid \\u escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in a string (control characters must be escaped)',
};
/** "Invalid JSON: a comma (,) was expected". */
function jsonErrorMessage(error) {
    return `Invalid JSON: ${MESSAGES[error.code]}`;
}
class JsonDocumentReader {
    file;
    fileEntity;
    sink;
    tokenizer;
    parser;
    index = 0;
    /** Errors read since the last record: each falls before, inside or after the next one. */
    pending = [];
    streamedExport = false;
    endPosition = { line: 1, column: 1 };
    constructor(file, fileEntity, sink) {
        this.file = file;
        this.fileEntity = fileEntity;
        this.sink = sink;
        this.parser = new jsonParser_1.JsonParser({
            error: (e) => this.pendError(e),
            streams: (container, parents) => this.streams(container, parents),
            child: (node, container, _key, parents) => this.record(node, parents.length === 0 ? this.fileEntity : entityNamed(String(container.key))),
        });
        this.tokenizer = new jsonTokenizer_1.JsonTokenizer((t) => {
            if (t.kind === 13 /* Token.EOF */)
                this.endPosition = { line: t.endLine, column: t.endColumn };
            this.parser.token(t);
        });
    }
    write(text) {
        this.tokenizer.write(text);
    }
    end() {
        this.tokenizer.end();
        const root = this.parser.root;
        if (!root) {
            // As before: an empty or unreadable document is one finding, not a list of what is missing.
            this.pending = [];
            this.sink.syntaxError({
                message: 'The file holds no JSON: expected an array of records, a record, or a Keap Vault export',
                position: { file: this.file, line: 1, column: 1, endLine: this.endPosition.line, endColumn: this.endPosition.column },
                entity: this.fileEntity,
            });
            return;
        }
        if (root.type !== 'array' && !this.streamedExport)
            for (const { node, entity } of recordNodes(root, this.fileEntity))
                this.record(node, entity);
        this.placePending(Infinity);
    }
    /** The records' arrays: the document's own array, and an export document's `entities.<name>` arrays. */
    streams(container, parents) {
        if (container.node.type !== 'array')
            return false;
        if (parents.length === 0)
            return true;
        const [root, entities] = parents;
        if (parents.length === 2 &&
            root.node.type === 'object' &&
            entities.key === 'entities' &&
            entities.node.type === 'object' &&
            !root.node.members?.some((m) => m.key === 'id')) {
            this.streamedExport = true;
            return true;
        }
        return false;
    }
    pendError(e) {
        this.pending.push(e);
        if (this.pending.length > MAX_PENDING_ERRORS) {
            for (const early of this.pending.splice(0, MAX_PENDING_ERRORS / 2))
                this.outside(early);
        }
    }
    /** Errors before `offset` belong to no record. */
    placePending(offset) {
        let n = 0;
        while (n < this.pending.length && this.pending[n].offset <= offset)
            this.outside(this.pending[n++]);
        this.pending.splice(0, n);
    }
    outside(e) {
        this.sink.syntaxError({ message: jsonErrorMessage(e), position: (0, textPosition_1.spanPosition)(this.file, e), entity: this.fileEntity });
    }
    record(node, entity) {
        const index = this.index++;
        this.placePending(node.offset);
        // A record holding a syntax error is reported, not checked: its values may be cut short.
        let n = 0;
        for (; n < this.pending.length && this.pending[n].offset < node.offset + node.length; n++) {
            this.sink.syntaxError({
                message: jsonErrorMessage(this.pending[n]),
                position: (0, textPosition_1.spanPosition)(this.file, this.pending[n]),
                index,
                entity,
            });
        }
        this.pending.splice(0, n);
        if (n)
            return;
        const made = recordFromNode(this.file, node, index, entity);
        if ('message' in made)
            this.sink.syntaxError(made);
        else
            this.sink.record(made);
    }
}
exports.JsonDocumentReader = JsonDocumentReader;
/** One record a line; blank lines are skipped. A malformed line is a syntax error, and the next line is read as usual. */
class NdjsonReader {
    file;
    fileEntity;
    sink;
    index = 0;
    offset = 0;
    line = 1;
    /** The last piece ended with a CR: an LF at the start of the next one belongs to the same line break. */
    afterCr = false;
    current;
    constructor(file, fileEntity, sink) {
        this.file = file;
        this.fileEntity = fileEntity;
        this.sink = sink;
    }
    write(text) {
        const n = text.length;
        let i = 0;
        if (this.afterCr && n) {
            this.afterCr = false;
            if (text.charCodeAt(0) === 10) {
                this.offset++;
                i = 1;
            }
        }
        while (i < n) {
            const end = nextBreak(text, i);
            if (end > i)
                this.piece(text.slice(i, end));
            if (end === n)
                break;
            this.finishLine();
            let breakLength = 1;
            if (text.charCodeAt(end) === 13) {
                if (end + 1 === n)
                    this.afterCr = true;
                else if (text.charCodeAt(end + 1) === 10)
                    breakLength = 2;
            }
            this.offset += breakLength;
            this.line++;
            i = end + breakLength;
        }
    }
    end() {
        this.finishLine();
    }
    piece(text) {
        if (!this.current) {
            const errors = [];
            const parser = new jsonParser_1.JsonParser({ error: (e) => errors.push(e) });
            const tokenizer = new jsonTokenizer_1.JsonTokenizer((t) => parser.token(t), { offset: this.offset, line: this.line, column: 1 });
            this.current = { tokenizer, parser, errors, content: false };
        }
        if (!this.current.content)
            this.current.content = /\S/.test(text);
        this.current.tokenizer.write(text);
        this.offset += text.length;
    }
    finishLine() {
        const line = this.current;
        this.current = undefined;
        if (!line?.content)
            return;
        line.tokenizer.end();
        const slot = this.index++;
        const root = line.parser.root;
        if (line.errors.length || !root) {
            // The first error only: the ones after it on the same line follow from it.
            const [first] = line.errors;
            this.sink.syntaxError(first
                ? { message: jsonErrorMessage(first), position: (0, textPosition_1.spanPosition)(this.file, first), index: slot, entity: this.fileEntity }
                : {
                    message: 'Invalid JSON line',
                    position: { file: this.file, line: this.line, column: 1, endLine: this.line, endColumn: 1 },
                    index: slot,
                    entity: this.fileEntity,
                });
            return;
        }
        const made = recordFromNode(this.file, root, slot, this.fileEntity);
        if ('message' in made)
            this.sink.syntaxError(made);
        else
            this.sink.record(made);
    }
}
exports.NdjsonReader = NdjsonReader;
function nextBreak(text, from) {
    for (let i = from; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || c === 13)
            return i;
    }
    return text.length;
}
/** The nodes that are records in a document held whole, each with the entity the document says it is. */
function recordNodes(root, fileEntity) {
    if (root.type === 'array')
        return (root.items ?? []).map((node) => ({ node, entity: fileEntity }));
    if (root.type !== 'object')
        return [{ node: root, entity: fileEntity }];
    const props = properties(root);
    const entities = props.get('entities');
    if (entities?.type === 'object' && !props.has('id')) {
        return [...properties(entities)].flatMap(([key, value]) => value.type === 'array' ? (value.items ?? []).map((node) => ({ node, entity: entityNamed(key) })) : []);
    }
    if (isListAnswer(props)) {
        return [...props].flatMap(([key, value]) => value.type === 'array' && entityNamed(key) ? (value.items ?? []).map((node) => ({ node, entity: entityNamed(key) })) : []);
    }
    return [{ node: root, entity: fileEntity }];
}
/**
 * `{"orders": […], "next_page_token": …}`. A record can hold arrays named like entities too
 * (a contact's `custom_fields`), so only an object with no other keys counts.
 */
function isListAnswer(props) {
    let lists = 0;
    for (const [key, value] of props) {
        if (value.type === 'array' && entities_1.CAPTURED_ENTITIES.includes(key))
            lists++;
        else if (!LIST_KEYS.has(key))
            return false;
    }
    return lists > 0;
}
function properties(object) {
    const map = new Map();
    for (const { key, node } of object.members ?? [])
        if (node && !map.has(key))
            map.set(key, node);
    return map;
}
function entityNamed(key) {
    return entities_1.SNAPSHOT_ENTITIES.includes(key) ? key : undefined;
}
function recordFromNode(file, node, index, entity) {
    const position = (0, textPosition_1.spanPosition)(file, node);
    if (node.type !== 'object') {
        return {
            message: `Expected a record (a JSON object) but found ${node.type === 'array' ? 'an array' : `a ${node.type}`}`,
            position,
            index,
            entity,
        };
    }
    return {
        index,
        entity,
        record: node.value,
        position,
        fieldPosition(path) {
            const found = (0, jsonNode_1.nodeAt)(node, (0, fieldPath_1.parseFieldPath)(path));
            return found ? (0, textPosition_1.spanPosition)(file, found) : undefined;
        },
    };
}
//# sourceMappingURL=jsonRecords.js.map