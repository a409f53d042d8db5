"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.describeTransportEvent = describeTransportEvent;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
function describeTransportEvent(e) {
    const request = `${e.method} ${e.path}`;
    const answer = e.status !== undefined ? `${e.status}` : `no answer (${e.error ?? 'network error'})`;
    const attempt = e.attempt > 1 ? `, attempt ${e.attempt}` : '';
    if (e.status === 429) {
        return {
            level: 'warn',
            text: `${request}: Keap's quota says wait (429)${e.retryInMs !== undefined ? `: waiting ${seconds(e.retryInMs)}, then retrying` : ''}${attempt}`,
        };
    }
    if (e.retryInMs !== undefined)
        return { level: 'warn', text: `${request}: ${answer} after ${e.ms} ms; retrying in ${seconds(e.retryInMs)}${attempt}` };
    if (e.status === undefined || e.status >= 500)
        return { level: 'warn', text: `${request}: ${answer} after ${e.ms} ms${attempt}` };
    return { level: 'debug', text: `${request}: ${answer} in ${e.ms} ms${attempt}` };
}
//# sourceMappingURL=transportLog.js.map