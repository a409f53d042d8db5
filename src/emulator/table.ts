/**
 * One entity's rows, kept in id order. Keap's ids are auto-increments, so appending keeps the id
 * list sorted and keyset paging ("the next 1000 after id X") is a binary search, which keeps a
 * 1M-record emulator responsive. A delete leaves its id in the list (the iterators skip ids with no
 * row) until half the list is such ids: a splice per delete moved the whole list each time, and a
 * disaster deleting 10% of a 1M-contact account took minutes.
 */
export class Table<T extends { id: number }> {
  private readonly rows = new Map<number, T>();
  private ids: number[] = [];
  /** Ids in `ids` whose row was deleted. */
  private deletedIds = 0;
  private nextId: number;

  constructor(firstId = 1) {
    this.nextId = firstId;
  }

  get size(): number {
    return this.rows.size;
  }

  allocateId(): number {
    return this.nextId++;
  }

  /** The id the next create will get; persisted so a reloaded account never reuses an id. */
  get peekNextId(): number {
    return this.nextId;
  }

  set peekNextId(value: number) {
    this.nextId = Math.max(this.nextId, value);
  }

  get(id: number): T | undefined {
    return this.rows.get(id);
  }

  has(id: number): boolean {
    return this.rows.has(id);
  }

  insert(row: T): T {
    if (this.rows.has(row.id)) throw new Error(`duplicate id ${row.id}`);
    this.rows.set(row.id, row);
    const last = this.ids[this.ids.length - 1];
    if (last === undefined || row.id > last) this.ids.push(row.id);
    else {
      const at = this.lowerBound(row.id);
      if (this.ids[at] === row.id)
        this.deletedIds--; // the id of a deleted row, back again: its place is kept
      else this.ids.splice(at, 0, row.id);
    }
    if (row.id >= this.nextId) this.nextId = row.id + 1;
    return row;
  }

  delete(id: number): boolean {
    if (!this.rows.delete(id)) return false;
    if (++this.deletedIds * 2 > this.ids.length) {
      this.ids = this.ids.filter((kept) => this.rows.has(kept));
      this.deletedIds = 0;
    }
    return true;
  }

  /** Rows in ascending id order. */
  *values(): IterableIterator<T> {
    for (const id of this.ids) {
      const row = this.rows.get(id);
      if (row) yield row;
    }
  }

  /** Rows with id > afterId in ascending order. */
  *valuesAfter(afterId: number): IterableIterator<T> {
    for (let i = this.upperBound(afterId); i < this.ids.length; i++) {
      const row = this.rows.get(this.ids[i]);
      if (row) yield row;
    }
  }

  private lowerBound(id: number): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ids[mid] < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private upperBound(id: number): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ids[mid] <= id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
