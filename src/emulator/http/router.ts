/**
 * A small router over Keap's path templates (`/v2/orders/{order_id}/payments`,
 * `/v2/tags/{tag_id}/contacts:applyTags`): templates are written exactly as in Keap's OpenAPI file,
 * so the routes table reads like the spec. A literal path beats a templated one
 * (`/v2/contacts/model` is not contact "model").
 */
import type { EmulatorStore } from '../store';

export interface RouteRequest {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  store: EmulatorStore;
}

export interface RouteResponse {
  status: number;
  body?: unknown;
}

export type RouteHandler = (req: RouteRequest) => RouteResponse;

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  paramNames: string[];
  handler: RouteHandler;
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, template: string, handler: RouteHandler): this {
    const paramNames: string[] = [];
    const source = template
      .split(/(\{[a-z_]+\})/)
      .map((part) => {
        const m = /^\{([a-z_]+)\}$/.exec(part);
        if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        paramNames.push(m[1]);
        return '([^/:]+)';
      })
      .join('');
    this.routes.push({ method, template, pattern: new RegExp(`^${source}$`), paramNames, handler });
    return this;
  }

  /** Every route as `METHOD template`. */
  get templates(): string[] {
    return this.routes.map((r) => `${r.method} ${r.template}`);
  }

  /** The best route for a path, or which methods the path allows when none matches the method. */
  match(method: string, path: string): { route: Route; params: Record<string, string> } | { allowed: string[] } | undefined {
    let best: { route: Route; params: Record<string, string> } | undefined;
    const allowed = new Set<string>();
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      if (route.method !== method) {
        allowed.add(route.method);
        continue;
      }
      if (best && best.route.paramNames.length <= route.paramNames.length) continue;
      const params: Record<string, string> = {};
      route.paramNames.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])));
      best = { route, params };
    }
    if (best) return best;
    return allowed.size ? { allowed: [...allowed] } : undefined;
  }
}
