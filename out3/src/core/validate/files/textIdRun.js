"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TextIdRun = void 0;
/**
 * IdRun's counterpart for ids that are not integers (a file's own keys): a sorted run of
 * `[id, line]` JSON lines in a temporary file, with a Bloom filter and the first id and byte offset
 * of every block of 512 in memory. Ids are compared as JavaScript compares strings, in which order
 * the run is written and searched.
 */
const node_fs_1 = require("node:fs");
const bloomFilter_1 = require("./bloomFilter");
const idRun_1 = require("./idRun");
class TextIdRun {
    fd;
    path;
    filter;
    blockFirsts = [];
    /** Where each block starts, and (last) where the file ends. */
    blockStarts = [];
    cached = { block: -1, entries: [] };
    /** Writes `entries` (id -> line) to a new file at `path`. */
    constructor(path, entries) {
        const ids = [...entries.keys()].sort();
        this.filter = new bloomFilter_1.BloomFilter(ids.length);
        this.path = path;
        this.fd = (0, node_fs_1.openSync)(path, 'wx+', 0o600);
        let offset = 0;
        for (let start = 0; start < ids.length; start += idRun_1.BLOCK) {
            const block = ids.slice(start, start + idRun_1.BLOCK);
            const text = Buffer.from(block.map((id) => JSON.stringify([id, entries.get(id)]) + '\n').join(''));
            this.blockFirsts.push(block[0]);
            this.blockStarts.push(offset);
            (0, idRun_1.writeAll)(this.fd, text, offset);
            offset += text.length;
            for (const id of block)
                this.filter.add(...(0, bloomFilter_1.textHashes)(id));
        }
        this.blockStarts.push(offset);
    }
    line(id) {
        if (!this.filter.mayHave(...(0, bloomFilter_1.textHashes)(id)))
            return undefined;
        const block = (0, idRun_1.lastAtMost)(this.blockFirsts, id, this.blockFirsts.length);
        if (block < 0)
            return undefined;
        return this.entries(block).find(([key]) => key === id)?.[1];
    }
    close() {
        (0, node_fs_1.closeSync)(this.fd);
    }
    entries(block) {
        if (this.cached.block !== block) {
            const bytes = Buffer.alloc(this.blockStarts[block + 1] - this.blockStarts[block]);
            (0, idRun_1.readAll)(this.fd, bytes, this.blockStarts[block], this.path);
            const entries = bytes
                .toString('utf8')
                .split('\n')
                .filter(Boolean)
                .map((line) => JSON.parse(line));
            this.cached = { block, entries };
        }
        return this.cached.entries;
    }
}
exports.TextIdRun = TextIdRun;
//# sourceMappingURL=textIdRun.js.map