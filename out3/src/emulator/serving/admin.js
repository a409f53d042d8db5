"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.answerAdmin = answerAdmin;
const disasters_1 = require("../disasters");
const quota_1 = require("../quota");
const wire_1 = require("./wire");
async function answerAdmin(ctx, method, url, raw, res) {
    const body = raw.trim() ? JSON.parse(raw) : {};
    const path = url.pathname.slice('/__emulator'.length);
    try {
        if (method === 'GET' && path === '/stats')
            return (0, wire_1.send)(res, 200, ctx.stats());
        if (method === 'GET' && path === '/requests')
            return (0, wire_1.send)(res, 200, { requests: ctx.log.live });
        if (method === 'POST' && path === '/hooks') {
            ctx.hangs.arm(body);
            return (0, wire_1.send)(res, 200, { armed: true });
        }
        if (method === 'POST' && path === '/faults') {
            ctx.faults.configure(body);
            return (0, wire_1.send)(res, 200, ctx.faults.settings);
        }
        if (method === 'POST' && path === '/quota') {
            const preset = body.preset;
            ctx.quota.configure(preset === 'keap' ? quota_1.KEAP_PAT_QUOTA : preset === 'unlimited' ? quota_1.UNLIMITED_QUOTA : body);
            return (0, wire_1.send)(res, 200, ctx.quota.settings);
        }
        const disaster = /^\/disasters\/([a-z-]+)$/.exec(path);
        if (method === 'POST' && disaster) {
            return (0, wire_1.send)(res, 200, (0, disasters_1.applyDisaster)(ctx.store, { ...body, kind: disaster[1] }));
        }
        if (method === 'POST' && path === '/state:save') {
            await ctx.saveState();
            return (0, wire_1.send)(res, 200, { saved: true });
        }
        return (0, wire_1.send)(res, 404, { code: 404, message: `No emulator admin path ${method} ${url.pathname}`, status: 'NOT_FOUND', details: [] });
    }
    catch (err) {
        return (0, wire_1.send)(res, 400, { code: 400, message: err.message, status: 'INVALID_ARGUMENT', details: [] });
    }
}
//# sourceMappingURL=admin.js.map