"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TagAndCampaignStage = void 0;
const calendar_1 = require("./calendar");
const catalog_1 = require("./catalog");
const vocabulary_1 = require("./vocabulary");
class TagAndCampaignStage extends catalog_1.CatalogStage {
    generateTags(count, doomed) {
        const rng = this.rng.fork('tags');
        const total = count + doomed;
        const doomedAt = new Set(rng.sample(Array.from({ length: total }, (_, i) => i), doomed));
        const times = this.sortedTimes(rng, total, this.nowSec - 3 * calendar_1.YEAR - 120 * calendar_1.DAY, this.nowSec - 3 * calendar_1.YEAR - calendar_1.DAY);
        const used = new Set();
        const order = rng.shuffle([...vocabulary_1.TAG_BASE]);
        let serial = 0;
        for (let i = 0; i < total; i++) {
            const isDoomed = doomedAt.has(i);
            let name;
            if (isDoomed)
                name = `Old list ${i + 1}`;
            else if (serial % vocabulary_1.TRICKY_TAG_EVERY === 3 &&
                !used.has(vocabulary_1.TRICKY_TAG_NAMES[Math.floor(serial / vocabulary_1.TRICKY_TAG_EVERY) % vocabulary_1.TRICKY_TAG_NAMES.length].toLowerCase())) {
                name = vocabulary_1.TRICKY_TAG_NAMES[Math.floor(serial / vocabulary_1.TRICKY_TAG_EVERY) % vocabulary_1.TRICKY_TAG_NAMES.length];
            }
            else {
                const base = order[serial % order.length];
                const round = Math.floor(serial / order.length);
                name = round === 0 ? base : `${base} #${round + 1}`;
            }
            for (let n = 2; used.has(name.toLowerCase()); n++)
                name = `${name} (${n})`;
            used.add(name.toLowerCase());
            if (!isDoomed)
                serial++;
            const record = {
                id: this.store.tags.allocateId(),
                name,
                description: rng.chance(0.3) ? `Applied by ${rng.pick(['web form', 'campaign', 'import', 'staff'])}` : undefined,
                create_time: (0, calendar_1.iso)(times[i]),
                update_time: (0, calendar_1.iso)(times[i]),
            };
            this.store.tags.insert(record);
            if (isDoomed)
                this.doomedTags.push(record);
            else
                this.usableTags.push(record);
        }
        rng.shuffle(this.usableTags);
    }
    generateCampaigns(count) {
        const rng = this.rng.fork('campaigns');
        const times = this.sortedTimes(rng, count, this.nowSec - 3 * calendar_1.YEAR - 90 * calendar_1.DAY, this.nowSec - 30 * calendar_1.DAY);
        for (let i = 0; i < count; i++) {
            const published = rng.chance(0.8);
            const base = vocabulary_1.CAMPAIGN_NAMES[i % vocabulary_1.CAMPAIGN_NAMES.length];
            const record = {
                id: this.store.campaigns.allocateId(),
                name: i < vocabulary_1.CAMPAIGN_NAMES.length ? base : `${base} ${Math.floor(i / vocabulary_1.CAMPAIGN_NAMES.length) + 1}`,
                locked: rng.chance(0.1),
                date_created: (0, calendar_1.iso)(times[i]),
                published_date: published ? (0, calendar_1.iso)(this.between(rng, times[i] + calendar_1.HOUR, this.nowSec - calendar_1.DAY)) : undefined,
                published_status: published,
                time_zone: rng.pick(vocabulary_1.TIME_ZONES),
                active_contact_count: published ? rng.int(0, Math.max(1, Math.floor(this.size / 5))) : 0,
                completed_contact_count: published ? rng.int(0, Math.max(1, Math.floor(this.size / 3))) : 0,
            };
            this.store.campaigns.insert(record);
        }
    }
}
exports.TagAndCampaignStage = TagAndCampaignStage;
//# sourceMappingURL=tagsAndCampaigns.js.map