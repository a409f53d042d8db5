/**
 * One Keap API request through the routes table: Keap's 404 / 405 / 400 answers for what no route
 * takes, and every error a handler throws turned into Keap's error body (a handler never writes an
 * error itself).
 */
import { EmulatorApiError } from '../apiError';
import type { Router, RouteResponse } from '../http/router';
import type { EmulatorStore } from '../store';

/** Where Keap serves its REST API on the host. */
export const API_PREFIX = '/crm/rest';

/** Answers the request; names the route template it took on `matched` (for the request log). */
export function dispatch(
  router: Router,
  store: EmulatorStore,
  request: { method: string; url: URL; raw: string },
  matched: { route?: string },
): RouteResponse {
  const { method, url, raw } = request;
  try {
    if (!url.pathname.startsWith(API_PREFIX + '/')) throw new EmulatorApiError(404, `No such path ${url.pathname}`);
    const match = router.match(method, url.pathname.slice(API_PREFIX.length));
    if (!match) throw new EmulatorApiError(404, `No such path ${url.pathname}`);
    if ('allowed' in match)
      throw new EmulatorApiError(405, `${method} is not allowed on ${url.pathname}; allowed: ${match.allowed.join(', ')}`);
    matched.route = `${method} ${match.route.template}`;
    let body: unknown;
    if (raw.trim()) {
      try {
        body = JSON.parse(raw);
      } catch {
        throw new EmulatorApiError(400, 'Request body is not valid JSON');
      }
    }
    return match.route.handler({ method, params: match.params, query: url.searchParams, body, store });
  } catch (err) {
    if (err instanceof EmulatorApiError) return { status: err.httpStatus, body: err.toBody() };
    return { status: 500, body: { code: 500, message: (err as Error).message, status: 'INTERNAL', details: [] } };
  }
}
