"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.campaigns = void 0;
const define_1 = require("./define");
exports.campaigns = (0, define_1.defineEntity)({
    name: 'campaigns',
    noun: { one: 'campaign', many: 'campaigns' },
    pages: (client, o) => (0, define_1.asJsonPages)(client.campaigns.pages(o)),
    table: { name: 'campaigns', idOf: define_1.byId, columns: [(0, define_1.text)('name', (r) => r.name)] },
    label: define_1.plainLabel,
    explorerRank: 80,
    live: {},
    uniqueIds: true,
});
//# sourceMappingURL=campaigns.js.map