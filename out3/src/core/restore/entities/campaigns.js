"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.campaigns = void 0;
const planContext_1 = require("../planContext");
exports.campaigns = {
    entity: 'campaigns',
    plan(ctx, record, pulledIn) {
        const campaign = record;
        const label = `Campaign ${(0, planContext_1.quote)(campaign.name)}`;
        if (ctx.live.has('campaigns', campaign.id))
            return ctx.addStep({
                entity: 'campaigns',
                oldId: campaign.id,
                liveId: campaign.id,
                action: 'skip',
                reason: 'identical',
                label,
                pulledIn,
                detail: `${label}: in the account`,
            }, campaign.id);
        return ctx.addStep({
            entity: 'campaigns',
            oldId: campaign.id,
            action: 'blocked',
            reason: 'cannot-create',
            label,
            pulledIn,
            detail: `${label}: Keap's API cannot create campaigns; rebuild it in Keap`,
        });
    },
};
//# sourceMappingURL=campaigns.js.map