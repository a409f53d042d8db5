"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.send = send;
exports.safeJson = safeJson;
exports.readBody = readBody;
/** Far above anything Keap accepts; only there so a runaway client cannot exhaust memory. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
function send(res, status, body, headers = {}) {
    if (status === 204 || body === undefined) {
        res.writeHead(status, { ...headers, 'content-length': '0' });
        res.end();
        return;
    }
    const payload = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)), ...headers });
    res.end(payload);
}
/** A request body as JSON for the exchange log, or as the raw text when it is not JSON. */
function safeJson(raw) {
    try {
        return raw.trim() ? JSON.parse(raw) : undefined;
    }
    catch {
        return raw;
    }
}
function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', (chunk) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
                reject(new Error('Request body too large'));
                req.destroy();
                return;
            }
            chunks.push(chunk);
        });
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', reject);
    });
}
//# sourceMappingURL=wire.js.map