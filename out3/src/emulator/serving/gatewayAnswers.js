"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.throttledBody = throttledBody;
exports.injectedFailureBody = injectedFailureBody;
/** Keap's spike arrest (per second) names its rate; every other limit is a plain quota violation. */
function throttledBody(violation, perSecond) {
    return violation === 'spike'
        ? {
            fault: {
                faultstring: `Spike arrest violation. Allowed rate : MessageRate{messagesPerPeriod=${perSecond}, periodInMicroseconds=1000000, maxBurstMessageCount=${perSecond}.0}`,
                detail: { errorcode: 'policies.ratelimit.SpikeArrestViolation' },
            },
        }
        : {
            fault: {
                faultstring: 'Rate limit quota violation. Quota limit exceeded. Identifier : keap-vault-emulator',
                detail: { errorcode: 'policies.ratelimit.QuotaViolation' },
            },
        };
}
/** An injected 500 looks like Keap's own error; a 502 or 503 comes from the gateway in front of it. */
function injectedFailureBody(fault) {
    return fault === '500'
        ? { code: 500, message: 'Internal Server Error', status: 'INTERNAL', details: [] }
        : {
            fault: {
                faultstring: fault === '502' ? 'Bad Gateway' : 'The Service is temporarily unavailable',
                detail: {
                    errorcode: fault === '502' ? 'messaging.adaptors.http.flow.BadGateway' : 'messaging.adaptors.http.flow.ServiceUnavailable',
                },
            },
        };
}
//# sourceMappingURL=gatewayAnswers.js.map