"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.scanKeyValues = scanKeyValues;
const idNumber_1 = require("./idNumber");
const keyNames_1 = require("./keyNames");
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const HASH = 35;
/** Kinds whose maps of label -> id integrations keep in configs (`tags: {vip: 113}`); a map of orders is more likely counts. */
const MAPPED_KINDS = new Set(['tag', 'product', 'subscription_plan']);
/** Words after a number that make it a quantity, not an id: `order 200 units`, `contact 100 times`. */
const QUANTITY_WORDS = new Set([
    'of',
    'items',
    'item',
    'units',
    'unit',
    'times',
    'x',
    'more',
    'days',
    'hours',
    'minutes',
    'mins',
    'seconds',
    'secs',
    'ms',
    'lines',
    'rows',
    'records',
    'percent',
    'orders',
    'contacts',
    'products',
    'tags',
]);
/** A Keap REST path in a URL string: `/crm/rest/v1/orders/20600`, `…keap.app/…/contacts/55`. */
const KEAP_URL_KIND = /(?:\/crm\/rest|infusionsoft\.com|keap\.app)\S*?\/(orders|contacts|products|tags|companies|subscriptions)\/\d+/;
const URL_KINDS = {
    orders: 'order',
    contacts: 'contact',
    products: 'product',
    tags: 'tag',
    companies: 'company',
    subscriptions: 'subscription',
};
const CLOSER = { 123: 125, 91: 93, 40: 41 };
/** ASCII characters the walk has nothing to do with (not a line end, a name's start or a bracket): 1. */
const PLAIN = new Uint8Array(128).fill(1);
for (const c of '\n\r{}[]()$_')
    PLAIN[c.charCodeAt(0)] = 0;
for (let c = 65; c <= 90; c++)
    PLAIN[c] = PLAIN[c + 32] = 0;
function isNameStart(c) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36; /* $ */
}
function isNamePart(c) {
    return (0, idNumber_1.isWordChar)(c) || c === 36;
}
function isBlank(c) {
    return c === SPACE || c === TAB;
}
/** `rootKind`: what an `id` at the top of the text is (a JSON or YAML file named after a kind: `order.json`). */
function scanKeyValues(text, found, rootKind) {
    new KeyValueScanner(text, found, rootKind).run();
}
class KeyValueScanner {
    text;
    found;
    rootKind;
    brackets = [];
    indents = [];
    /** A container name whose value opens with the bracket at `at`. */
    pending;
    /** `- name: KEAP_PRODUCT_ID` just read (Kubernetes, Compose, Actions): the `value:` that follows is that id. */
    named;
    lineIndent = 0;
    /** The previous name, for `order.id`, `Order ID`, `order #1234`. */
    prev;
    constructor(text, found, rootKind) {
        this.text = text;
        this.found = found;
        this.rootKind = rootKind;
    }
    run() {
        const text = this.text;
        const n = text.length;
        let atLineStart = true;
        let lineStart = 0;
        let i = 0;
        while (i < n) {
            const c = text.charCodeAt(i);
            // Most characters are none of the ones below: one table lookup passes them.
            if (!atLineStart && c < 128 && PLAIN[c] === 1) {
                i++;
                continue;
            }
            if (c === LF || c === CR) {
                atLineStart = true;
                lineStart = ++i;
                continue;
            }
            if (atLineStart) {
                if (isBlank(c)) {
                    i++;
                    continue;
                }
                atLineStart = false;
                this.lineIndent = i - lineStart;
                // A comment line leaves YAML's structure as it is; any other line closes the keys at or right of it.
                if (c !== HASH)
                    while (this.indents.length && this.indents[this.indents.length - 1].indent >= this.lineIndent)
                        this.indents.pop();
            }
            if (isNameStart(c) && !isNamePart(text.charCodeAt(i - 1))) {
                i = this.name(i);
                continue;
            }
            if (c === 123 || c === 91 || c === 40)
                this.open(c, i);
            else if (c === 125 || c === 93 || c === 41)
                this.close(c);
            i++;
        }
    }
    /** Reads the name starting at `start` and what follows it; returns where the walk goes on. */
    name(start) {
        const text = this.text;
        let end = start + 1;
        for (;;) {
            while (end < text.length && isNamePart(text.charCodeAt(end)))
                end++;
            // Header-style names (X-Keap-Order-Id) go on after a hyphen followed by a letter.
            if (text.charCodeAt(end) === 45 && isNameStart(text.charCodeAt(end + 1)) && text.charCodeAt(end + 1) !== 36)
                end += 2;
            else
                break;
        }
        const name = text.slice(start, end);
        const info = (0, keyNames_1.nameInfo)(name);
        const relevant = info.idKey || info.container || info.singular || info.plainId || info.lookup;
        if (text.charCodeAt(end) === 40 /* ( */ && (info.lookup || info.singular || info.verb))
            this.call(name, info, end);
        // Most names hold nothing; of those only `name:` and `name =` matter (YAML's structure, brackets that
        // shadow the names around them, labelled values): anything else is passed over without more work.
        if (relevant || this.strongSeparatorFollows(end)) {
            const after = this.separator(start, end);
            if (after?.eol && after.colon)
                this.pushIndent(name, info.container, start);
            const consumed = relevant ? this.keyed(name, info, start, end, after) : false;
            if (!consumed && after?.sep && !after.weak)
                this.valueOf(name, info, after);
        }
        this.prev = info.container || info.singular ? { start, end, name, info } : undefined;
        return end;
    }
    /** `:` or `=` after the name (past a closing quote and bracket, and blanks). */
    strongSeparatorFollows(end) {
        const text = this.text;
        let i = end;
        let c = text.charCodeAt(i);
        if (c === 34 || c === 39 || c === 96)
            c = text.charCodeAt(++i);
        if (c === 93 || c === 41)
            c = text.charCodeAt(++i);
        while (c === SPACE || c === TAB)
            c = text.charCodeAt(++i);
        return c === 58 || c === 61;
    }
    /**
     * What a name with a separator and no id of its own opens or labels: `name: {` / `name => [` (the
     * bracket holds what the name says; for most names nothing, which shadows the names around it),
     * `tags: [12, 15]`, `"shipped": 301` inside a map of ids, `"apiUrl": "…/orders/20600"`.
     */
    valueOf(name, info, after) {
        const text = this.text;
        const v = text.charCodeAt(after.value);
        if (v === 123 || v === 91 || v === 40) {
            if (v !== 123 && info.containerPlural && this.list(info.container, after.value, 'nested', name))
                return;
            const mapped = info.idKey?.explicit
                ? info.idKey.kind
                : info.containerPlural && MAPPED_KINDS.has(info.container)
                    ? info.container
                    : undefined;
            this.pending = { kind: info.container, valuesKind: v === 40 ? undefined : mapped, name, at: after.value };
            return;
        }
        if (info.idKey)
            return;
        const lower = name.toLowerCase();
        if (lower === 'name' || lower === 'key') {
            const m = /^["']?([A-Za-z_][\w-]*)["']?\s*(?:$|[\r\n,}])/.exec(text.slice(after.value, after.value + 80));
            const key = m ? (0, keyNames_1.nameInfo)(m[1]).idKey : undefined;
            this.named = key && (key.explicit || (0, keyNames_1.isConstantName)(m[1])) ? { kind: key.kind, name: m[1], until: after.value + 200 } : undefined;
            return;
        }
        if (lower === 'value' && this.named && after.value < this.named.until) {
            const id = (0, idNumber_1.readIdNumber)(text, after.value);
            if (id)
                this.add(this.named.kind, id, 'key', `${this.named.name} (name and value)`);
            this.named = undefined;
            return;
        }
        const top = this.brackets[this.brackets.length - 1];
        if (top?.valuesKind && this.holder() === top && !info.plainId && !(0, keyNames_1.isCountingName)(name)) {
            const id = (0, idNumber_1.readIdNumber)(text, after.value);
            if (id)
                this.add(top.valuesKind, id, 'nested', `${top.name} › ${name}`);
        }
        if ((v === 34 || v === 39) && /url|href|uri/i.test(name)) {
            const close = text.indexOf(text[after.value], after.value + 1);
            const url = close > 0 && close - after.value < 2048 ? text.slice(after.value, close) : '';
            const m = KEAP_URL_KIND.exec(url);
            if (m && top)
                top.hint = URL_KINDS[m[1]];
        }
    }
    /** `orders.get(1234)`, `Contact::find(55)`, `getOrder(1234)`: the first argument of a lookup. */
    call(name, info, open) {
        let kind = info.lookup;
        let context = `${name}(`;
        // `api.order(21004)`, `keap.contact(55)`: a method named after the kind
        if (!kind && info.singular && this.text.charCodeAt(open - name.length - 1) === 46 /* . */)
            kind = info.singular;
        if (!kind && info.verb && this.prev) {
            const gap = this.text.slice(this.prev.end, open - name.length);
            const owner = this.prev.info.container ?? this.prev.info.singular;
            if (owner && (gap === '.' || gap === '::' || gap === '->')) {
                kind = owner;
                context = `${this.prev.name}${gap}${name}(`;
            }
        }
        if (!kind)
            return;
        let i = open + 1;
        while (isBlank(this.text.charCodeAt(i)))
            i++;
        const id = (0, idNumber_1.readIdNumber)(this.text, i);
        if (!id)
            return;
        let j = id.next;
        while (isBlank(this.text.charCodeAt(j)))
            j++;
        const c = this.text.charCodeAt(j);
        if (c === 41 /* ) */ || c === 44 /* , */)
            this.add(kind, id, 'call', context);
    }
    /**
     * What follows a name: a closing quote and a closing bracket (`"order_id"`, `['order_id']`,
     * `[:order_id]`, `.get("order_id")`), blanks, then a separator (`:`, `=`, `==`, `===`, `!=`, `=>`,
     * `:=`, `IN`; weak ones: `,` after a quoted name, `??`, `||`). Without a separator `value` is the
     * first character after blanks (`order_id 1234`).
     */
    separator(start, end) {
        const text = this.text;
        let i = end;
        // JSON inside a string (`"{\"contact_ids\": [30001]}"`) escapes its quotes.
        if (text.charCodeAt(i) === 92 /* \ */ && text.charCodeAt(start - 2) === 92)
            i++;
        const q = text.charCodeAt(i);
        const quoted = (q === 34 || q === 39 || q === 96) && text.charCodeAt(start - 1) === q;
        if (quoted)
            i++;
        if (text.charCodeAt(i) === 93 /* ] */ || (quoted && text.charCodeAt(i) === 41) /* ) */)
            i++;
        const blanksFrom = i;
        while (isBlank(text.charCodeAt(i)))
            i++;
        const c = text.charCodeAt(i);
        const c1 = text.charCodeAt(i + 1);
        let sepEnd = -1;
        let colon = false;
        let weak = false;
        if (c === 58 /* : */) {
            if (c1 === 58)
                return undefined; // Foo::bar
            sepEnd = c1 === 61 ? i + 2 : i + 1;
            colon = c1 !== 61;
        }
        else if (c === 61 /* = */) {
            sepEnd = c1 === 61 ? (text.charCodeAt(i + 2) === 61 ? i + 3 : i + 2) : c1 === 62 ? i + 2 : i + 1;
        }
        else if (c === 33 /* ! */ && c1 === 61) {
            sepEnd = text.charCodeAt(i + 2) === 61 ? i + 3 : i + 2;
        }
        else if ((c === 73 || c === 105) && (c1 === 78 || c1 === 110) && i > blanksFrom) {
            // SQL's and Python's `IN` / `in`, followed by a blank or a bracket
            const c2 = text.charCodeAt(i + 2);
            if (isBlank(c2) || c2 === 40 || c2 === 91)
                sepEnd = i + 2;
        }
        else if ((c === 44 /* , */ && quoted) || (c === 63 && c1 === 63) /* ?? */ || (c === 124 && c1 === 124) /* || */) {
            sepEnd = c === 44 ? i + 1 : i + 2;
            weak = true;
        }
        if (sepEnd < 0)
            return i > blanksFrom ? { value: i, sep: false, colon: false, eol: false, weak: false } : undefined;
        let v = sepEnd;
        while (isBlank(text.charCodeAt(v)))
            v++;
        const next = text.charCodeAt(v);
        // `key:` ending its line (maybe before a comment): YAML's block value follows on the next lines.
        const eol = Number.isNaN(next) || next === LF || next === CR || (colon && next === HASH && v > sepEnd);
        return { value: v, sep: true, colon, eol, weak };
    }
    /** A name that holds ids (or `id` itself, or a kind word): the value after it, if it is one. True when it read a value. */
    keyed(name, info, start, end, after) {
        const text = this.text;
        if (info.singular && this.prose(name, info.singular, end))
            return true;
        if (!after)
            return false;
        let kind;
        let plural = false;
        let rule = 'key';
        let context = name;
        if (info.idKey) {
            kind = info.idKey.kind;
            plural = info.idKey.plural;
        }
        else if (info.plainId) {
            const compound = this.compound(start);
            if (compound) {
                kind = compound.kind;
                rule = 'compound';
                context = `${compound.name}${text.slice(compound.end, start)}${name}`;
            }
            else {
                const holder = this.holder();
                const held = holder?.kind ?? (holder && 'hint' in holder ? holder.hint : undefined);
                if (held) {
                    kind = held;
                    rule = 'nested';
                    context = holder?.kind ? `${holder.name} › ${name}` : `${name} beside its Keap URL`;
                }
                else if (this.rootKind && this.atTop()) {
                    kind = this.rootKind;
                    rule = 'nested';
                    context = `${name} of a file named after ${this.rootKind}s`;
                }
            }
        }
        const v = after.value;
        const c = text.charCodeAt(v);
        // A list of ids (`[12, 15]`, `IN (1, 2)`, a Python set `{12, 15}`); an object or a list of records is left to the caller.
        if (after.sep && (c === 91 || c === 40 || (c === 123 && plural)))
            return !!kind && this.list(kind, v, rule, context);
        if (!kind)
            return false;
        // Without a separator, or after a weak one, only an explicit id name may take a value (`order_id 1234`, `Order ID 1234`), never `VIP_TAG 5`.
        // A constant's name (`define('VIP_TAG', 113)`, `getenv("VIP_TAG", "113")`) may take a default after a comma.
        if ((!after.sep || after.weak) && rule === 'key' && !info.idKey?.explicit && !(after.weak && (0, keyNames_1.isConstantName)(name)))
            return false;
        if (after.eol) {
            if (after.colon)
                this.yamlList(kind, v, rule, context);
            return false;
        }
        const first = (0, idNumber_1.readIdNumber)(text, v, plural);
        if (!first)
            return false;
        this.add(kind, first, rule, context);
        if (plural)
            this.commaList(kind, first, rule, context);
        return true;
    }
    /** `order #1234`; `Order 20588 failed`, `(contact 41210)`: a kind word, one blank, a number of three digits or more. */
    prose(name, kind, end) {
        const text = this.text;
        let h = end;
        if (text.charCodeAt(h) === SPACE)
            h++;
        if (text.charCodeAt(h) === HASH) {
            const id = (0, idNumber_1.readIdNumber)(text, h + 1);
            if (id && !id.quote)
                this.add(kind, id, 'hash', `${name} #`);
            return !!id;
        }
        if (h === end)
            return false;
        const id = (0, idNumber_1.readIdNumber)(text, h);
        if (!id || id.quote || id.end - id.start < 3)
            return false;
        const next = /^ ([A-Za-z%]+)/.exec(text.slice(id.end, id.end + 16));
        if (next && QUANTITY_WORDS.has(next[1].toLowerCase()))
            return false;
        this.add(kind, id, 'prose', `${name} …`);
        return true;
    }
    /** `order.id`, `$order->id`, `order['id']`, `Order ID`: the name before names the kind. */
    compound(start) {
        const prev = this.prev;
        if (!prev)
            return undefined;
        const kind = prev.info.singular ?? prev.info.container;
        if (!kind)
            return undefined;
        const gap = this.text.slice(prev.end, start);
        if (gap === '.' || gap === '->' || gap === '?.' || gap === ' ' || gap === "['" || gap === '["' || gap === '[:')
            return { kind, name: prev.name, end: prev.end };
        return undefined;
    }
    /** The innermost bracket or YAML key around this point, whichever opened last. */
    holder() {
        const bracket = this.brackets[this.brackets.length - 1];
        const indent = this.indents[this.indents.length - 1];
        if (!bracket)
            return indent;
        if (!indent)
            return bracket;
        return bracket.at > indent.at ? bracket : indent;
    }
    /** At the top of the document: its root object, or an object of its root list, or YAML's first level. */
    atTop() {
        const b = this.brackets;
        if (this.indents.length || b.length > 2 || b.some((f) => f.name !== undefined))
            return false;
        if (b.length === 0)
            return this.lineIndent === 0;
        return b.length === 1 ? b[0].close === 125 : b.length === 2 && b[0].close === 93 && b[1].close === 125;
    }
    /** `[12, 15]`, `("1", "2")`: every element an id; false when the list holds anything else first. */
    list(kind, open, rule, context) {
        const text = this.text;
        let i = open + 1;
        let any = false;
        for (;;) {
            while (isBlank(text.charCodeAt(i)) || text.charCodeAt(i) === LF || text.charCodeAt(i) === CR)
                i++;
            const id = (0, idNumber_1.readIdNumber)(text, i);
            if (!id)
                return any;
            this.add(kind, id, rule, context);
            any = true;
            i = id.next;
            while (isBlank(text.charCodeAt(i)))
                i++;
            if (text.charCodeAt(i) === 44 /* , */)
                i++;
            else
                return true;
        }
    }
    /** `TAG_IDS=12,15,18` or `"tag_ids": "12,15"`: more ids after commas. */
    commaList(kind, first, rule, context) {
        const text = this.text;
        let i = first.end;
        for (;;) {
            if (text.charCodeAt(i) !== 44)
                return;
            i++;
            while (text.charCodeAt(i) === SPACE)
                i++;
            const start = i;
            if (!(0, idNumber_1.isDigit)(text.charCodeAt(i)) || text.charCodeAt(i) === 48)
                return;
            while ((0, idNumber_1.isDigit)(text.charCodeAt(i)))
                i++;
            if (first.quote) {
                const c = text.charCodeAt(i);
                if (c !== 44 && text[i] !== first.quote)
                    return;
            }
            else if (!(0, idNumber_1.endsCleanly)(text, i))
                return;
            this.add(kind, { start, end: i }, rule, context);
        }
    }
    /** YAML's block list under an id name: `tag_ids:` then lines `- 12`. */
    yamlList(kind, from, rule, context) {
        const text = this.text;
        let i = from;
        for (;;) {
            // to the next line
            while (i < text.length && text.charCodeAt(i) !== LF)
                i++;
            if (i >= text.length)
                return;
            i++;
            while (isBlank(text.charCodeAt(i)))
                i++;
            if (text.charCodeAt(i) !== 45 /* - */ || !isBlank(text.charCodeAt(i + 1)))
                return;
            i += 2;
            while (isBlank(text.charCodeAt(i)))
                i++;
            const id = (0, idNumber_1.readIdNumber)(text, i);
            if (!id)
                return;
            this.add(kind, id, rule, context);
            i = id.next;
        }
    }
    pushIndent(name, kind, at) {
        this.indents.push({ indent: this.lineIndent, kind, name, at });
    }
    open(c, at) {
        const top = this.brackets[this.brackets.length - 1];
        let kind;
        let name;
        let valuesKind;
        if (this.pending?.at === at) {
            ({ kind, name, valuesKind } = this.pending);
            this.pending = undefined;
        }
        else if (top?.close === 93 && c !== 40) {
            // `[{"id": 1}, …]`, PHP's `[['id' => 1]]`: elements of a list hold what the list holds.
            kind = top.kind;
            name = top.name;
        }
        this.brackets.push({ close: CLOSER[c], kind, name, at, valuesKind });
    }
    /** Pops the matching bracket; one stray bracket in between (a string's, a comment's) is forgiven. */
    close(c) {
        const b = this.brackets;
        if (b[b.length - 1]?.close === c)
            b.pop();
        else if (b[b.length - 2]?.close === c)
            b.length -= 2;
    }
    add(kind, id, rule, context) {
        this.found.push({ kind, offset: id.start, length: id.end - id.start, rule, context });
    }
}
//# sourceMappingURL=keyValueScan.js.map