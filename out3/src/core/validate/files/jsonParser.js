"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JsonParser = void 0;
const jsonNode_1 = require("./jsonNode");
const jsonTokenizer_1 = require("./jsonTokenizer");
const SCAN_ERRORS = {
    [4 /* ScanError.InvalidUnicode */]: 'InvalidUnicode',
    [5 /* ScanError.InvalidEscapeCharacter */]: 'InvalidEscapeCharacter',
    [3 /* ScanError.UnexpectedEndOfNumber */]: 'UnexpectedEndOfNumber',
    [2 /* ScanError.UnexpectedEndOfString */]: 'UnexpectedEndOfString',
    [6 /* ScanError.InvalidCharacter */]: 'InvalidCharacter',
};
class JsonParser {
    hooks;
    /** The document's value once read, unless it is missing or a streaming container. */
    root;
    stack = [];
    expect = 0 /* Expect.RootValue */;
    /** After skipping, one more "value expected" (jsonc-parser reports a missing property name so). */
    skipThenValueExpected = false;
    constructor(hooks) {
        this.hooks = hooks;
    }
    /** A string parsed whole (a CSV cell of JSON, a test): offsets and positions from `start`. */
    static parse(text, start) {
        const errors = [];
        const parser = new JsonParser({ error: (e) => errors.push(e) });
        const tokenizer = new jsonTokenizer_1.JsonTokenizer((t) => parser.token(t), start);
        tokenizer.write(text);
        tokenizer.end();
        return { root: parser.root, errors };
    }
    /** Whether the document was read to its end or given up on (nothing after it is read). */
    get finished() {
        return this.expect === 2 /* Expect.Stopped */;
    }
    token(t) {
        if (this.expect === 2 /* Expect.Stopped */)
            return;
        const scanError = SCAN_ERRORS[t.error];
        if (scanError)
            this.error(scanError, t);
        if (t.kind === 11 /* Token.Comment */)
            return this.error('InvalidCommentToken', t);
        if (t.kind === 12 /* Token.Unknown */)
            return this.error('InvalidSymbol', t);
        while (!this.step(t))
            ;
    }
    /** One step of the grammar; false when the token is still to be looked at (in the state the step left). */
    step(t) {
        const frame = this.stack[this.stack.length - 1];
        switch (this.expect) {
            case 0 /* Expect.RootValue */:
                if (t.kind !== 13 /* Token.EOF */ && this.startValue(t))
                    return true;
                this.error('ValueExpected', t);
                this.expect = 2 /* Expect.Stopped */;
                return true;
            case 1 /* Expect.AfterRoot */:
                if (t.kind !== 13 /* Token.EOF */)
                    this.error('EndOfFileExpected', t);
                this.expect = 2 /* Expect.Stopped */;
                return true;
            case 2 /* Expect.Stopped */:
                return true;
            case 3 /* Expect.ArrayNext */:
            case 5 /* Expect.ObjectNext */: {
                const isArray = this.expect === 3 /* Expect.ArrayNext */;
                if (t.kind === (isArray ? 3 /* Token.CloseBracket */ : 1 /* Token.CloseBrace */)) {
                    this.close(t);
                    return true;
                }
                if (t.kind === 13 /* Token.EOF */) {
                    this.error(isArray ? 'CloseBracketExpected' : 'CloseBraceExpected', t);
                    this.close(t);
                    return false;
                }
                const next = isArray ? 4 /* Expect.ArrayElement */ : 6 /* Expect.PropertyName */;
                if (t.kind === 4 /* Token.Comma */) {
                    if (!frame.needsComma)
                        this.error('ValueExpected', t);
                    this.expect = next;
                    return true;
                }
                if (frame.needsComma)
                    this.error('CommaExpected', t);
                this.expect = next;
                return false;
            }
            case 4 /* Expect.ArrayElement */:
                if (this.startValue(t))
                    return true;
                this.error('ValueExpected', t);
                this.skip(false);
                return false;
            case 6 /* Expect.PropertyName */:
                if (t.kind === 6 /* Token.String */) {
                    frame.pendingKey = t.text;
                    this.expect = 7 /* Expect.Colon */;
                    return true;
                }
                this.error('PropertyNameExpected', t);
                this.skip(true);
                return false;
            case 7 /* Expect.Colon */:
                if (t.kind === 5 /* Token.Colon */) {
                    this.expect = 8 /* Expect.PropertyValue */;
                    return true;
                }
                this.error('ColonExpected', t);
                this.keyWithoutValue(frame);
                this.skip(false);
                return false;
            case 8 /* Expect.PropertyValue */:
                if (this.startValue(t))
                    return true;
                this.error('ValueExpected', t);
                this.keyWithoutValue(frame);
                this.skip(false);
                return false;
            case 9 /* Expect.Skip */: {
                const closer = frame.node.type === 'array' ? 3 /* Token.CloseBracket */ : 1 /* Token.CloseBrace */;
                if (t.kind !== closer && t.kind !== 4 /* Token.Comma */ && t.kind !== 13 /* Token.EOF */)
                    return true;
                if (this.skipThenValueExpected)
                    this.error('ValueExpected', t);
                frame.needsComma = true;
                this.expect = frame.node.type === 'array' ? 3 /* Expect.ArrayNext */ : 5 /* Expect.ObjectNext */;
                return false;
            }
        }
    }
    startValue(t) {
        switch (t.kind) {
            case 2 /* Token.OpenBracket */:
                this.open(t, 'array');
                return true;
            case 0 /* Token.OpenBrace */:
                this.open(t, 'object');
                return true;
            case 6 /* Token.String */:
                this.complete(literal(t, 'string', t.text));
                return true;
            case 7 /* Token.Number */: {
                let value = Number(t.text);
                if (Number.isNaN(value)) {
                    this.error('InvalidNumberFormat', t);
                    value = 0;
                }
                this.complete(literal(t, 'number', value));
                return true;
            }
            case 8 /* Token.True */:
            case 9 /* Token.False */:
                this.complete(literal(t, 'boolean', t.kind === 8 /* Token.True */));
                return true;
            case 10 /* Token.Null */:
                this.complete(literal(t, 'null', null));
                return true;
            default:
                return false;
        }
    }
    open(t, type) {
        const node = {
            type,
            offset: t.offset,
            length: 0,
            line: t.line,
            column: t.column,
            endLine: t.line,
            endColumn: t.column,
            value: type === 'array' ? [] : {},
            ...(type === 'array' ? { items: [] } : { members: [] }),
        };
        const parent = this.stack[this.stack.length - 1];
        const key = parent ? (parent.node.type === 'array' ? parent.count : parent.pendingKey) : undefined;
        const frame = { node, key, streamed: false, needsComma: false, count: 0, pendingKey: '' };
        frame.streamed = this.hooks.streams?.(frame, this.stack) ?? false;
        this.stack.push(frame);
        this.expect = type === 'array' ? 3 /* Expect.ArrayNext */ : 5 /* Expect.ObjectNext */;
    }
    /** At its closing token, or at the end of the text when it is never closed (it then ends there). */
    close(t) {
        const frame = this.stack.pop();
        // invariant: close() is only reached from a container state, so a frame is open
        if (!frame)
            throw new Error('no open container');
        const node = frame.node;
        node.length = t.offset + t.length - node.offset;
        node.endLine = t.endLine;
        node.endColumn = t.endColumn;
        this.complete(node);
    }
    complete(node) {
        const frame = this.stack[this.stack.length - 1];
        if (!frame) {
            this.root = node;
            this.expect = 1 /* Expect.AfterRoot */;
            return;
        }
        const isArray = frame.node.type === 'array';
        const key = isArray ? frame.count : frame.pendingKey;
        if (frame.streamed) {
            // The frame leaves the stack for the call, so `parents` is what is around the container.
            this.stack.pop();
            this.hooks.child?.(node, frame, key, this.stack);
            this.stack.push(frame);
        }
        else if (isArray) {
            frame.node.items?.push(node);
            frame.node.value.push(node.value);
        }
        else {
            frame.node.members?.push({ key: key, node });
            (0, jsonNode_1.defineMember)(frame.node.value, key, node.value);
        }
        frame.count++;
        frame.needsComma = true;
        this.expect = isArray ? 3 /* Expect.ArrayNext */ : 5 /* Expect.ObjectNext */;
    }
    keyWithoutValue(frame) {
        if (frame.streamed)
            return;
        frame.node.members?.push({ key: frame.pendingKey });
        (0, jsonNode_1.defineMember)(frame.node.value, frame.pendingKey, undefined);
    }
    skip(thenValueExpected) {
        this.skipThenValueExpected = thenValueExpected;
        this.expect = 9 /* Expect.Skip */;
    }
    error(code, t) {
        this.hooks.error({
            code,
            offset: t.offset,
            length: t.length,
            line: t.line,
            column: t.column,
            endLine: t.endLine,
            endColumn: t.endColumn,
        });
    }
}
exports.JsonParser = JsonParser;
function literal(t, type, value) {
    return { type, offset: t.offset, length: t.length, line: t.line, column: t.column, endLine: t.endLine, endColumn: t.endColumn, value };
}
//# sourceMappingURL=jsonParser.js.map