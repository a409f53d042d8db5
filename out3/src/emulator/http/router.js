"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Router = void 0;
class Router {
    routes = [];
    add(method, template, handler) {
        const paramNames = [];
        const source = template
            .split(/(\{[a-z_]+\})/)
            .map((part) => {
            const m = /^\{([a-z_]+)\}$/.exec(part);
            if (!m)
                return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            paramNames.push(m[1]);
            return '([^/:]+)';
        })
            .join('');
        this.routes.push({ method, template, pattern: new RegExp(`^${source}$`), paramNames, handler });
        return this;
    }
    /** Every route as `METHOD template`. */
    get templates() {
        return this.routes.map((r) => `${r.method} ${r.template}`);
    }
    /** The best route for a path, or which methods the path allows when none matches the method. */
    match(method, path) {
        let best;
        const allowed = new Set();
        for (const route of this.routes) {
            const m = route.pattern.exec(path);
            if (!m)
                continue;
            if (route.method !== method) {
                allowed.add(route.method);
                continue;
            }
            if (best && best.route.paramNames.length <= route.paramNames.length)
                continue;
            const params = {};
            route.paramNames.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])));
            best = { route, params };
        }
        if (best)
            return best;
        return allowed.size ? { allowed: [...allowed] } : undefined;
    }
}
exports.Router = Router;
//# sourceMappingURL=router.js.map