"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.API_PREFIX = void 0;
exports.dispatch = dispatch;
/**
 * One Keap API request through the routes table: Keap's 404 / 405 / 400 answers for what no route
 * takes, and every error a handler throws turned into Keap's error body (a handler never writes an
 * error itself).
 */
const apiError_1 = require("../apiError");
/** Where Keap serves its REST API on the host. */
exports.API_PREFIX = '/crm/rest';
/** Answers the request; names the route template it took on `matched` (for the request log). */
function dispatch(router, store, request, matched) {
    const { method, url, raw } = request;
    try {
        if (!url.pathname.startsWith(exports.API_PREFIX + '/'))
            throw new apiError_1.EmulatorApiError(404, `No such path ${url.pathname}`);
        const match = router.match(method, url.pathname.slice(exports.API_PREFIX.length));
        if (!match)
            throw new apiError_1.EmulatorApiError(404, `No such path ${url.pathname}`);
        if ('allowed' in match)
            throw new apiError_1.EmulatorApiError(405, `${method} is not allowed on ${url.pathname}; allowed: ${match.allowed.join(', ')}`);
        matched.route = `${method} ${match.route.template}`;
        let body;
        if (raw.trim()) {
            try {
                body = JSON.parse(raw);
            }
            catch {
                throw new apiError_1.EmulatorApiError(400, 'Request body is not valid JSON');
            }
        }
        return match.route.handler({ method, params: match.params, query: url.searchParams, body, store });
    }
    catch (err) {
        if (err instanceof apiError_1.EmulatorApiError)
            return { status: err.httpStatus, body: err.toBody() };
        return { status: 500, body: { code: 500, message: err.message, status: 'INTERNAL', details: [] } };
    }
}
//# sourceMappingURL=dispatch.js.map