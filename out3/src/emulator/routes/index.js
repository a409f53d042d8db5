"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.keapRoutes = keapRoutes;
const router_1 = require("../http/router");
const campaignsAndModels_1 = require("./campaignsAndModels");
const companies_1 = require("./companies");
const contacts_1 = require("./contacts");
const notes_1 = require("./notes");
const orders_1 = require("./orders");
const payments_1 = require("./payments");
const products_1 = require("./products");
const subscriptions_1 = require("./subscriptions");
const tags_1 = require("./tags");
/** Keap's REST v2 surface as served under `/crm/rest`. */
function keapRoutes() {
    const router = new router_1.Router();
    (0, contacts_1.registerContactRoutes)(router);
    (0, companies_1.registerCompanyRoutes)(router);
    (0, products_1.registerProductRoutes)(router);
    (0, orders_1.registerOrderRoutes)(router);
    (0, payments_1.registerPaymentRoutes)(router);
    (0, subscriptions_1.registerSubscriptionRoutes)(router);
    (0, tags_1.registerTagRoutes)(router);
    (0, campaignsAndModels_1.registerCampaignAndModelRoutes)(router);
    (0, notes_1.registerNoteRoutes)(router);
    return router;
}
//# sourceMappingURL=index.js.map