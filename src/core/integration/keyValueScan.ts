/**
 * The recognizer's main pass: names followed by a value, in any language's syntax. One walk over the
 * text, character by character, with two stacks kept in arrays (never the call stack, so any depth
 * is fine): the open brackets, each remembering the name it was opened under (`"contact": {`,
 * `'tags' => [`, `order = {`), and YAML's indentation (`order:` on a line of its own above `id: 1234`).
 *
 *   key       `order_id: 1234`, `"orderId": "1234"`, `ORDER_ID=1234`, `$data['order_id'] = 1234`,
 *             `:order_id => 1234`, `order_id == 1234`, `tag_ids: [12, 15]`, `order_id IN (1, 2)`,
 *             `TAG_IDS=12,15`, YAML `tag_ids:` above `- 12`, `X-Keap-Order-Id: 1234`
 *   nested    `id` directly inside an object or list opened under a kind's name
 *   compound  `order.id == 1234`, `$order->id`, `Order ID: 1234`, `contact id 55`
 *   call      `orders.get(1234)`, `Contact::find(55)`, `getOrder(1234)`, `fetch_contact(55)`
 *   hash      `order #1234`, `Invoice #30012`
 *   prose     `Order 20588 failed`, `(contact 41210)`: three digits or more, not a quantity (`order 200 units`)
 *
 * Every character is visited a bounded number of times (a value is read ahead once and then walked
 * over), so the time is linear in the text.
 */
import type { KeapIdKind } from './idKinds';
import { endsCleanly, isDigit, isWordChar, readIdNumber, type IdNumber } from './idNumber';
import { isConstantName, isCountingName, nameInfo, type NameInfo } from './keyNames';
import type { FoundId } from './occurrence';

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const HASH = 35;

/** An open bracket and the kind of record it holds, if the name it was opened under says. */
interface BracketFrame {
  close: number;
  kind?: KeapIdKind;
  name?: string;
  at: number;
  /**
   * Opened under an id name (`"tagIds": {"shipped": 301}`) or a map of tags or products
   * (`'tags' => ['customer' => 113]`): every labelled number directly inside is an id of this kind.
   */
  valuesKind?: KeapIdKind;
  /** The object's own Keap URL said what it is (`"apiUrl": "…/v1/orders/20600"` beside `"id": 20600`, in Keap's REST hooks). */
  hint?: KeapIdKind;
}

/** What follows a name. */
interface After {
  /** Where the value starts. */
  value: number;
  /** A separator came between (`:`, `=`, `=>`…); without one the value follows after blanks. */
  sep: boolean;
  colon: boolean;
  /** Nothing follows on the line: YAML's block value is below. */
  eol: boolean;
  /** `"ORDER_ID", 1234` (a default after a quoted name), `?? 1234`, `|| 1234`: only explicit id names take these. */
  weak: boolean;
}

/** Kinds whose maps of label -> id integrations keep in configs (`tags: {vip: 113}`); a map of orders is more likely counts. */
const MAPPED_KINDS = new Set<KeapIdKind>(['tag', 'product', 'subscription_plan']);

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
const URL_KINDS: Record<string, KeapIdKind> = {
  orders: 'order',
  contacts: 'contact',
  products: 'product',
  tags: 'tag',
  companies: 'company',
  subscriptions: 'subscription',
};

/** A YAML key on a line of its own: lines indented deeper belong to it. */
interface IndentFrame {
  indent: number;
  kind?: KeapIdKind;
  name: string;
  at: number;
}

const CLOSER: Record<number, number> = { 123: 125, 91: 93, 40: 41 };

/** ASCII characters the walk has nothing to do with (not a line end, a name's start or a bracket): 1. */
const PLAIN = new Uint8Array(128).fill(1);
for (const c of '\n\r{}[]()$_') PLAIN[c.charCodeAt(0)] = 0;
for (let c = 65; c <= 90; c++) PLAIN[c] = PLAIN[c + 32] = 0;

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36; /* $ */
}

function isNamePart(c: number): boolean {
  return isWordChar(c) || c === 36;
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** `rootKind`: what an `id` at the top of the text is (a JSON or YAML file named after a kind: `order.json`). */
export function scanKeyValues(text: string, found: FoundId[], rootKind?: KeapIdKind): void {
  new KeyValueScanner(text, found, rootKind).run();
}

class KeyValueScanner {
  private readonly brackets: BracketFrame[] = [];
  private readonly indents: IndentFrame[] = [];
  /** A container name whose value opens with the bracket at `at`. */
  private pending?: { kind?: KeapIdKind; valuesKind?: KeapIdKind; name: string; at: number };
  /** `- name: KEAP_PRODUCT_ID` just read (Kubernetes, Compose, Actions): the `value:` that follows is that id. */
  private named?: { kind: KeapIdKind; name: string; until: number };
  private lineIndent = 0;
  /** The previous name, for `order.id`, `Order ID`, `order #1234`. */
  private prev?: { start: number; end: number; name: string; info: NameInfo };

  constructor(
    private readonly text: string,
    private readonly found: FoundId[],
    private readonly rootKind?: KeapIdKind,
  ) {}

  run(): void {
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
        if (c !== HASH) while (this.indents.length && this.indents[this.indents.length - 1].indent >= this.lineIndent) this.indents.pop();
      }
      if (isNameStart(c) && !isNamePart(text.charCodeAt(i - 1))) {
        i = this.name(i);
        continue;
      }
      if (c === 123 || c === 91 || c === 40) this.open(c, i);
      else if (c === 125 || c === 93 || c === 41) this.close(c);
      i++;
    }
  }

  /** Reads the name starting at `start` and what follows it; returns where the walk goes on. */
  private name(start: number): number {
    const text = this.text;
    let end = start + 1;
    for (;;) {
      while (end < text.length && isNamePart(text.charCodeAt(end))) end++;
      // Header-style names (X-Keap-Order-Id) go on after a hyphen followed by a letter.
      if (text.charCodeAt(end) === 45 && isNameStart(text.charCodeAt(end + 1)) && text.charCodeAt(end + 1) !== 36) end += 2;
      else break;
    }
    const name = text.slice(start, end);
    const info = nameInfo(name);
    const relevant = info.idKey || info.container || info.singular || info.plainId || info.lookup;
    if (text.charCodeAt(end) === 40 /* ( */ && (info.lookup || info.singular || info.verb)) this.call(name, info, end);
    // Most names hold nothing; of those only `name:` and `name =` matter (YAML's structure, brackets that
    // shadow the names around them, labelled values): anything else is passed over without more work.
    if (relevant || this.strongSeparatorFollows(end)) {
      const after = this.separator(start, end);
      if (after?.eol && after.colon) this.pushIndent(name, info.container, start);
      const consumed = relevant ? this.keyed(name, info, start, end, after) : false;
      if (!consumed && after?.sep && !after.weak) this.valueOf(name, info, after);
    }
    this.prev = info.container || info.singular ? { start, end, name, info } : undefined;
    return end;
  }

  /** `:` or `=` after the name (past a closing quote and bracket, and blanks). */
  private strongSeparatorFollows(end: number): boolean {
    const text = this.text;
    let i = end;
    let c = text.charCodeAt(i);
    if (c === 34 || c === 39 || c === 96) c = text.charCodeAt(++i);
    if (c === 93 || c === 41) c = text.charCodeAt(++i);
    while (c === SPACE || c === TAB) c = text.charCodeAt(++i);
    return c === 58 || c === 61;
  }

  /**
   * What a name with a separator and no id of its own opens or labels: `name: {` / `name => [` (the
   * bracket holds what the name says; for most names nothing, which shadows the names around it),
   * `tags: [12, 15]`, `"shipped": 301` inside a map of ids, `"apiUrl": "…/orders/20600"`.
   */
  private valueOf(name: string, info: NameInfo, after: After): void {
    const text = this.text;
    const v = text.charCodeAt(after.value);
    if (v === 123 || v === 91 || v === 40) {
      if (v !== 123 && info.containerPlural && this.list(info.container!, after.value, 'nested', name)) return;
      const mapped = info.idKey?.explicit
        ? info.idKey.kind
        : info.containerPlural && MAPPED_KINDS.has(info.container!)
          ? info.container
          : undefined;
      this.pending = { kind: info.container, valuesKind: v === 40 ? undefined : mapped, name, at: after.value };
      return;
    }
    if (info.idKey) return;
    const lower = name.toLowerCase();
    if (lower === 'name' || lower === 'key') {
      const m = /^["']?([A-Za-z_][\w-]*)["']?\s*(?:$|[\r\n,}])/.exec(text.slice(after.value, after.value + 80));
      const key = m ? nameInfo(m[1]).idKey : undefined;
      this.named = key && (key.explicit || isConstantName(m![1])) ? { kind: key.kind, name: m![1], until: after.value + 200 } : undefined;
      return;
    }
    if (lower === 'value' && this.named && after.value < this.named.until) {
      const id = readIdNumber(text, after.value);
      if (id) this.add(this.named.kind, id, 'key', `${this.named.name} (name and value)`);
      this.named = undefined;
      return;
    }
    const top = this.brackets[this.brackets.length - 1];
    if (top?.valuesKind && this.holder() === top && !info.plainId && !isCountingName(name)) {
      const id = readIdNumber(text, after.value);
      if (id) this.add(top.valuesKind, id, 'nested', `${top.name} › ${name}`);
    }
    if ((v === 34 || v === 39) && /url|href|uri/i.test(name)) {
      const close = text.indexOf(text[after.value], after.value + 1);
      const url = close > 0 && close - after.value < 2048 ? text.slice(after.value, close) : '';
      const m = KEAP_URL_KIND.exec(url);
      if (m && top) top.hint = URL_KINDS[m[1]];
    }
  }

  /** `orders.get(1234)`, `Contact::find(55)`, `getOrder(1234)`: the first argument of a lookup. */
  private call(name: string, info: NameInfo, open: number): void {
    let kind = info.lookup;
    let context = `${name}(`;
    // `api.order(21004)`, `keap.contact(55)`: a method named after the kind
    if (!kind && info.singular && this.text.charCodeAt(open - name.length - 1) === 46 /* . */) kind = info.singular;
    if (!kind && info.verb && this.prev) {
      const gap = this.text.slice(this.prev.end, open - name.length);
      const owner = this.prev.info.container ?? this.prev.info.singular;
      if (owner && (gap === '.' || gap === '::' || gap === '->')) {
        kind = owner;
        context = `${this.prev.name}${gap}${name}(`;
      }
    }
    if (!kind) return;
    let i = open + 1;
    while (isBlank(this.text.charCodeAt(i))) i++;
    const id = readIdNumber(this.text, i);
    if (!id) return;
    let j = id.next;
    while (isBlank(this.text.charCodeAt(j))) j++;
    const c = this.text.charCodeAt(j);
    if (c === 41 /* ) */ || c === 44 /* , */) this.add(kind, id, 'call', context);
  }

  /**
   * What follows a name: a closing quote and a closing bracket (`"order_id"`, `['order_id']`,
   * `[:order_id]`, `.get("order_id")`), blanks, then a separator (`:`, `=`, `==`, `===`, `!=`, `=>`,
   * `:=`, `IN`; weak ones: `,` after a quoted name, `??`, `||`). Without a separator `value` is the
   * first character after blanks (`order_id 1234`).
   */
  private separator(start: number, end: number): After | undefined {
    const text = this.text;
    let i = end;
    // JSON inside a string (`"{\"contact_ids\": [30001]}"`) escapes its quotes.
    if (text.charCodeAt(i) === 92 /* \ */ && text.charCodeAt(start - 2) === 92) i++;
    const q = text.charCodeAt(i);
    const quoted = (q === 34 || q === 39 || q === 96) && text.charCodeAt(start - 1) === q;
    if (quoted) i++;
    if (text.charCodeAt(i) === 93 /* ] */ || (quoted && text.charCodeAt(i) === 41) /* ) */) i++;
    const blanksFrom = i;
    while (isBlank(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    const c1 = text.charCodeAt(i + 1);
    let sepEnd = -1;
    let colon = false;
    let weak = false;
    if (c === 58 /* : */) {
      if (c1 === 58) return undefined; // Foo::bar
      sepEnd = c1 === 61 ? i + 2 : i + 1;
      colon = c1 !== 61;
    } else if (c === 61 /* = */) {
      sepEnd = c1 === 61 ? (text.charCodeAt(i + 2) === 61 ? i + 3 : i + 2) : c1 === 62 ? i + 2 : i + 1;
    } else if (c === 33 /* ! */ && c1 === 61) {
      sepEnd = text.charCodeAt(i + 2) === 61 ? i + 3 : i + 2;
    } else if ((c === 73 || c === 105) && (c1 === 78 || c1 === 110) && i > blanksFrom) {
      // SQL's and Python's `IN` / `in`, followed by a blank or a bracket
      const c2 = text.charCodeAt(i + 2);
      if (isBlank(c2) || c2 === 40 || c2 === 91) sepEnd = i + 2;
    } else if ((c === 44 /* , */ && quoted) || (c === 63 && c1 === 63) /* ?? */ || (c === 124 && c1 === 124) /* || */) {
      sepEnd = c === 44 ? i + 1 : i + 2;
      weak = true;
    }
    if (sepEnd < 0) return i > blanksFrom ? { value: i, sep: false, colon: false, eol: false, weak: false } : undefined;
    let v = sepEnd;
    while (isBlank(text.charCodeAt(v))) v++;
    const next = text.charCodeAt(v);
    // `key:` ending its line (maybe before a comment): YAML's block value follows on the next lines.
    const eol = Number.isNaN(next) || next === LF || next === CR || (colon && next === HASH && v > sepEnd);
    return { value: v, sep: true, colon, eol, weak };
  }

  /** A name that holds ids (or `id` itself, or a kind word): the value after it, if it is one. True when it read a value. */
  private keyed(name: string, info: NameInfo, start: number, end: number, after: After | undefined): boolean {
    const text = this.text;
    if (info.singular && this.prose(name, info.singular, end)) return true;
    if (!after) return false;
    let kind: KeapIdKind | undefined;
    let plural = false;
    let rule: FoundId['rule'] = 'key';
    let context = name;
    if (info.idKey) {
      kind = info.idKey.kind;
      plural = info.idKey.plural;
    } else if (info.plainId) {
      const compound = this.compound(start);
      if (compound) {
        kind = compound.kind;
        rule = 'compound';
        context = `${compound.name}${text.slice(compound.end, start)}${name}`;
      } else {
        const holder = this.holder();
        const held = holder?.kind ?? (holder && 'hint' in holder ? holder.hint : undefined);
        if (held) {
          kind = held;
          rule = 'nested';
          context = holder?.kind ? `${holder.name} › ${name}` : `${name} beside its Keap URL`;
        } else if (this.rootKind && this.atTop()) {
          kind = this.rootKind;
          rule = 'nested';
          context = `${name} of a file named after ${this.rootKind}s`;
        }
      }
    }
    const v = after.value;
    const c = text.charCodeAt(v);
    // A list of ids (`[12, 15]`, `IN (1, 2)`, a Python set `{12, 15}`); an object or a list of records is left to the caller.
    if (after.sep && (c === 91 || c === 40 || (c === 123 && plural))) return !!kind && this.list(kind, v, rule, context);
    if (!kind) return false;
    // Without a separator, or after a weak one, only an explicit id name may take a value (`order_id 1234`, `Order ID 1234`), never `VIP_TAG 5`.
    // A constant's name (`define('VIP_TAG', 113)`, `getenv("VIP_TAG", "113")`) may take a default after a comma.
    if ((!after.sep || after.weak) && rule === 'key' && !info.idKey?.explicit && !(after.weak && isConstantName(name))) return false;
    if (after.eol) {
      if (after.colon) this.yamlList(kind, v, rule, context);
      return false;
    }
    const first = readIdNumber(text, v, plural);
    if (!first) return false;
    this.add(kind, first, rule, context);
    if (plural) this.commaList(kind, first, rule, context);
    return true;
  }

  /** `order #1234`; `Order 20588 failed`, `(contact 41210)`: a kind word, one blank, a number of three digits or more. */
  private prose(name: string, kind: KeapIdKind, end: number): boolean {
    const text = this.text;
    let h = end;
    if (text.charCodeAt(h) === SPACE) h++;
    if (text.charCodeAt(h) === HASH) {
      const id = readIdNumber(text, h + 1);
      if (id && !id.quote) this.add(kind, id, 'hash', `${name} #`);
      return !!id;
    }
    if (h === end) return false;
    const id = readIdNumber(text, h);
    if (!id || id.quote || id.end - id.start < 3) return false;
    const next = /^ ([A-Za-z%]+)/.exec(text.slice(id.end, id.end + 16));
    if (next && QUANTITY_WORDS.has(next[1].toLowerCase())) return false;
    this.add(kind, id, 'prose', `${name} …`);
    return true;
  }

  /** `order.id`, `$order->id`, `order['id']`, `Order ID`: the name before names the kind. */
  private compound(start: number): { kind: KeapIdKind; name: string; end: number } | undefined {
    const prev = this.prev;
    if (!prev) return undefined;
    const kind = prev.info.singular ?? prev.info.container;
    if (!kind) return undefined;
    const gap = this.text.slice(prev.end, start);
    if (gap === '.' || gap === '->' || gap === '?.' || gap === ' ' || gap === "['" || gap === '["' || gap === '[:')
      return { kind, name: prev.name, end: prev.end };
    return undefined;
  }

  /** The innermost bracket or YAML key around this point, whichever opened last. */
  private holder(): BracketFrame | IndentFrame | undefined {
    const bracket = this.brackets[this.brackets.length - 1];
    const indent = this.indents[this.indents.length - 1];
    if (!bracket) return indent;
    if (!indent) return bracket;
    return bracket.at > indent.at ? bracket : indent;
  }

  /** At the top of the document: its root object, or an object of its root list, or YAML's first level. */
  private atTop(): boolean {
    const b = this.brackets;
    if (this.indents.length || b.length > 2 || b.some((f) => f.name !== undefined)) return false;
    if (b.length === 0) return this.lineIndent === 0;
    return b.length === 1 ? b[0].close === 125 : b.length === 2 && b[0].close === 93 && b[1].close === 125;
  }

  /** `[12, 15]`, `("1", "2")`: every element an id; false when the list holds anything else first. */
  private list(kind: KeapIdKind, open: number, rule: FoundId['rule'], context: string): boolean {
    const text = this.text;
    let i = open + 1;
    let any = false;
    for (;;) {
      while (isBlank(text.charCodeAt(i)) || text.charCodeAt(i) === LF || text.charCodeAt(i) === CR) i++;
      const id = readIdNumber(text, i);
      if (!id) return any;
      this.add(kind, id, rule, context);
      any = true;
      i = id.next;
      while (isBlank(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === 44 /* , */) i++;
      else return true;
    }
  }

  /** `TAG_IDS=12,15,18` or `"tag_ids": "12,15"`: more ids after commas. */
  private commaList(kind: KeapIdKind, first: IdNumber, rule: FoundId['rule'], context: string): void {
    const text = this.text;
    let i = first.end;
    for (;;) {
      if (text.charCodeAt(i) !== 44) return;
      i++;
      while (text.charCodeAt(i) === SPACE) i++;
      const start = i;
      if (!isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === 48) return;
      while (isDigit(text.charCodeAt(i))) i++;
      if (first.quote) {
        const c = text.charCodeAt(i);
        if (c !== 44 && text[i] !== first.quote) return;
      } else if (!endsCleanly(text, i)) return;
      this.add(kind, { start, end: i }, rule, context);
    }
  }

  /** YAML's block list under an id name: `tag_ids:` then lines `- 12`. */
  private yamlList(kind: KeapIdKind, from: number, rule: FoundId['rule'], context: string): void {
    const text = this.text;
    let i = from;
    for (;;) {
      // to the next line
      while (i < text.length && text.charCodeAt(i) !== LF) i++;
      if (i >= text.length) return;
      i++;
      while (isBlank(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) !== 45 /* - */ || !isBlank(text.charCodeAt(i + 1))) return;
      i += 2;
      while (isBlank(text.charCodeAt(i))) i++;
      const id = readIdNumber(text, i);
      if (!id) return;
      this.add(kind, id, rule, context);
      i = id.next;
    }
  }

  private pushIndent(name: string, kind: KeapIdKind | undefined, at: number): void {
    this.indents.push({ indent: this.lineIndent, kind, name, at });
  }

  private open(c: number, at: number): void {
    const top = this.brackets[this.brackets.length - 1];
    let kind: KeapIdKind | undefined;
    let name: string | undefined;
    let valuesKind: KeapIdKind | undefined;
    if (this.pending?.at === at) {
      ({ kind, name, valuesKind } = this.pending);
      this.pending = undefined;
    } else if (top?.close === 93 && c !== 40) {
      // `[{"id": 1}, …]`, PHP's `[['id' => 1]]`: elements of a list hold what the list holds.
      kind = top.kind;
      name = top.name;
    }
    this.brackets.push({ close: CLOSER[c], kind, name, at, valuesKind });
  }

  /** Pops the matching bracket; one stray bracket in between (a string's, a comment's) is forgiven. */
  private close(c: number): void {
    const b = this.brackets;
    if (b[b.length - 1]?.close === c) b.pop();
    else if (b[b.length - 2]?.close === c) b.length -= 2;
  }

  private add(kind: KeapIdKind, id: Pick<IdNumber, 'start' | 'end'>, rule: FoundId['rule'], context: string): void {
    this.found.push({ kind, offset: id.start, length: id.end - id.start, rule, context });
  }
}
