"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Table = void 0;
/**
 * One entity's rows, kept in id order. Keap's ids are auto-increments, so appending keeps the id
 * list sorted and keyset paging ("the next 1000 after id X") is a binary search, which keeps a
 * 1M-record emulator responsive.
 */
class Table {
    rows = new Map();
    ids = [];
    nextId;
    constructor(firstId = 1) {
        this.nextId = firstId;
    }
    get size() {
        return this.rows.size;
    }
    allocateId() {
        return this.nextId++;
    }
    /** The id the next create will get; persisted so a reloaded account never reuses an id. */
    get peekNextId() {
        return this.nextId;
    }
    set peekNextId(value) {
        this.nextId = Math.max(this.nextId, value);
    }
    get(id) {
        return this.rows.get(id);
    }
    has(id) {
        return this.rows.has(id);
    }
    insert(row) {
        if (this.rows.has(row.id))
            throw new Error(`duplicate id ${row.id}`);
        this.rows.set(row.id, row);
        const last = this.ids[this.ids.length - 1];
        if (last === undefined || row.id > last)
            this.ids.push(row.id);
        else
            this.ids.splice(this.lowerBound(row.id), 0, row.id);
        if (row.id >= this.nextId)
            this.nextId = row.id + 1;
        return row;
    }
    delete(id) {
        if (!this.rows.delete(id))
            return false;
        const at = this.lowerBound(id);
        if (this.ids[at] === id)
            this.ids.splice(at, 1);
        return true;
    }
    /** Rows in ascending id order. */
    *values() {
        for (const id of this.ids) {
            const row = this.rows.get(id);
            if (row)
                yield row;
        }
    }
    /** Rows with id > afterId in ascending order. */
    *valuesAfter(afterId) {
        for (let i = this.upperBound(afterId); i < this.ids.length; i++) {
            const row = this.rows.get(this.ids[i]);
            if (row)
                yield row;
        }
    }
    lowerBound(id) {
        let lo = 0;
        let hi = this.ids.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (this.ids[mid] < id)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
    upperBound(id) {
        let lo = 0;
        let hi = this.ids.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (this.ids[mid] <= id)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}
exports.Table = Table;
//# sourceMappingURL=table.js.map