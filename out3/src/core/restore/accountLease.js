"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AccountLease = exports.LeaseLostError = exports.LEASE_TAG_NAME = void 0;
/**
 * One apply per account across machines: a lease kept in Keap itself, the only state every
 * machine shares. The lease is a tag with a fixed name (Keap keeps tag names unique) whose
 * description says who holds it and until when. Taking it is one create; if Keap did not refuse a
 * second tag of the name, the lowest id wins and the other is deleted, so two machines never both
 * hold it. The holder renews it between steps; a lease not renewed for `ttlMs` (a machine that
 * died or lost its network) is taken over by the next apply. Creating a tag starts nothing in
 * Keap (applying one can); the tag is visible to the account's users while a restore runs, and
 * its name says what it is.
 */
const node_crypto_1 = require("node:crypto");
const node_os_1 = __importDefault(require("node:os"));
const errors_1 = require("../keap/errors");
const filter_1 = require("../keap/filter");
const lock_1 = require("./lock");
const errors_2 = require("../errors");
exports.LEASE_TAG_NAME = 'Keap Vault: restore in progress';
class LeaseLostError extends errors_2.KeapVaultError {
    kind = 'lease-lost';
}
exports.LeaseLostError = LeaseLostError;
class AccountLease {
    client;
    tagId;
    text;
    ttlMs;
    now;
    renewedAt;
    constructor(client, tagId, text, ttlMs, now) {
        this.client = client;
        this.tagId = tagId;
        this.text = text;
        this.ttlMs = ttlMs;
        this.now = now;
        this.renewedAt = now();
    }
    static async acquire(client, options = {}) {
        const ttlMs = options.ttlMs ?? Number(process.env.KEAP_VAULT_LEASE_TTL_MS ?? 10 * 60_000);
        const now = options.now ?? Date.now;
        const text = () => ({
            v: 1,
            holder: (0, node_crypto_1.randomUUID)(),
            pid: process.pid,
            host: node_os_1.default.hostname(),
            startedAt: new Date(now()).toISOString(),
            planId: options.planId,
            expires: new Date(now() + ttlMs).toISOString(),
            by: 'apply',
        });
        for (let attempt = 0; attempt < 2; attempt++) {
            const mine = text();
            let created;
            try {
                created = await client.tags.create({ name: exports.LEASE_TAG_NAME, description: JSON.stringify(mine) });
            }
            catch (err) {
                // Keap refuses a second tag of the name: someone holds the lease (or left it behind).
                if (!(err instanceof errors_1.KeapConflictError || err instanceof errors_1.KeapValidationError))
                    throw err;
            }
            const tags = (await collect(client.tags.list({ filter: (0, filter_1.filter)('name', '==', exports.LEASE_TAG_NAME) }))).sort((a, b) => Number(a.id) - Number(b.id));
            const first = tags[0];
            if (created && first?.id === created.id)
                return new AccountLease(client, created.id, mine, ttlMs, now);
            if (created)
                await deleteTag(client, created.id); // Keap let two exist: the older one holds
            if (!first)
                continue;
            const holder = parseLease(first.description);
            const expired = !holder || Date.parse(holder.expires) < now();
            const dead = !!holder && holder.host === node_os_1.default.hostname() && !(0, lock_1.isAlive)(holder.pid);
            if (attempt === 0 && (expired || (dead && options.breakStale))) {
                await deleteTag(client, first.id);
                continue;
            }
            const who = holder
                ? `process ${holder.pid} on ${holder.host}, started ${holder.startedAt}, plan ${holder.planId ?? '?'}`
                : 'an unreadable lease';
            throw new lock_1.ApplyLockedError(dead
                ? `An earlier apply on this account (${who}) stopped without releasing its lease in Keap (the tag "${exports.LEASE_TAG_NAME}"). If it is not running, break the lock (--break-lock) and resume.`
                : `Another apply is running on this account (${who}; its lease in Keap, the tag "${exports.LEASE_TAG_NAME}", lasts until ${holder?.expires ?? 'unknown'} unless renewed). Wait for it to finish.`, holder ?? { pid: 0, host: 'unknown', startedAt: '' }, dead);
        }
        throw new lock_1.ApplyLockedError('Could not take the apply lease in Keap: another apply took it at the same moment. Try again.', { pid: 0, host: 'unknown', startedAt: '' }, false);
    }
    /**
     * Renews the lease when a third of its time has passed, after checking it is still this one's:
     * an apply whose lease another machine took over (after it expired) must stop writing.
     */
    /** How long the lease lasts without renewal. */
    get ttl() {
        return this.ttlMs;
    }
    async renewIfDue() {
        if (this.now() - this.renewedAt < this.ttlMs / 3)
            return;
        await this.renew(this.now() + this.ttlMs);
    }
    /**
     * Keeps the lease through a pause for Keap's quota: valid until `until` and its usual time after,
     * so no apply elsewhere takes the account over while this one waits (two requests, made before
     * the wait).
     */
    async holdUntil(until) {
        await this.renew(Math.max(this.now(), until) + this.ttlMs);
    }
    async renew(expires) {
        let tag;
        try {
            tag = await this.client.tags.get(this.tagId);
        }
        catch (err) {
            if (!(err instanceof errors_1.KeapNotFoundError))
                throw err;
        }
        if (!tag || parseLease(tag.description)?.holder !== this.text.holder) {
            throw new LeaseLostError(`This apply's lease in Keap expired and another apply took the account over; stopped before the next write. The ledger is consistent: resume when the other apply has finished.`);
        }
        const renewed = { ...this.text, expires: new Date(expires).toISOString() };
        await this.client.tags.update(this.tagId, { description: JSON.stringify(renewed) });
        this.renewedAt = this.now();
    }
    /**
     * Deletes this lease's tag, unread: nobody else writes to it (an apply taking over an expired
     * lease deletes the tag and creates its own, with a new id), so the tag of this id is this
     * lease's or gone.
     */
    async release() {
        await deleteTag(this.client, this.tagId);
    }
}
exports.AccountLease = AccountLease;
function parseLease(description) {
    try {
        const value = JSON.parse(String(description ?? ''));
        return value && value.v === 1 && typeof value.holder === 'string' && typeof value.expires === 'string' ? value : undefined;
    }
    catch {
        return undefined;
    }
}
async function deleteTag(client, id) {
    try {
        await client.tags.delete(id);
    }
    catch (err) {
        if (!(err instanceof errors_1.KeapNotFoundError))
            throw err;
    }
}
async function collect(source) {
    const out = [];
    for await (const item of source)
        out.push(item);
    return out;
}
//# sourceMappingURL=accountLease.js.map