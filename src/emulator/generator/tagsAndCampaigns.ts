/** Tags (some doomed for the dangling-tag plant) and campaigns. */
import type { CampaignRecord, TagRecord } from '../records';
import { DAY, HOUR, YEAR, iso } from './calendar';
import { CatalogStage } from './catalog';
import { CAMPAIGN_NAMES, TAG_BASE, TIME_ZONES, TRICKY_TAG_EVERY, TRICKY_TAG_NAMES } from './vocabulary';

export abstract class TagAndCampaignStage extends CatalogStage {
  protected generateTags(count: number, doomed: number): void {
    const rng = this.rng.fork('tags');
    const total = count + doomed;
    const doomedAt = new Set(
      rng.sample(
        Array.from({ length: total }, (_, i) => i),
        doomed,
      ),
    );
    const times = this.sortedTimes(rng, total, this.nowSec - 3 * YEAR - 120 * DAY, this.nowSec - 3 * YEAR - DAY);
    const used = new Set<string>();
    const order = rng.shuffle([...TAG_BASE]);
    let serial = 0;
    for (let i = 0; i < total; i++) {
      const isDoomed = doomedAt.has(i);
      let name: string;
      if (isDoomed) name = `Old list ${i + 1}`;
      else if (
        serial % TRICKY_TAG_EVERY === 3 &&
        !used.has(TRICKY_TAG_NAMES[Math.floor(serial / TRICKY_TAG_EVERY) % TRICKY_TAG_NAMES.length].toLowerCase())
      ) {
        name = TRICKY_TAG_NAMES[Math.floor(serial / TRICKY_TAG_EVERY) % TRICKY_TAG_NAMES.length];
      } else {
        const base = order[serial % order.length];
        const round = Math.floor(serial / order.length);
        name = round === 0 ? base : `${base} #${round + 1}`;
      }
      for (let n = 2; used.has(name.toLowerCase()); n++) name = `${name} (${n})`;
      used.add(name.toLowerCase());
      if (!isDoomed) serial++;
      const record: TagRecord = {
        id: this.store.tags.allocateId(),
        name,
        description: rng.chance(0.3) ? `Applied by ${rng.pick(['web form', 'campaign', 'import', 'staff'])}` : undefined,
        create_time: iso(times[i]),
        update_time: iso(times[i]),
      };
      this.store.tags.insert(record);
      if (isDoomed) this.doomedTags.push(record);
      else this.usableTags.push(record);
    }
    rng.shuffle(this.usableTags);
  }

  protected generateCampaigns(count: number): void {
    const rng = this.rng.fork('campaigns');
    const times = this.sortedTimes(rng, count, this.nowSec - 3 * YEAR - 90 * DAY, this.nowSec - 30 * DAY);
    for (let i = 0; i < count; i++) {
      const published = rng.chance(0.8);
      const base = CAMPAIGN_NAMES[i % CAMPAIGN_NAMES.length];
      const record: CampaignRecord = {
        id: this.store.campaigns.allocateId(),
        name: i < CAMPAIGN_NAMES.length ? base : `${base} ${Math.floor(i / CAMPAIGN_NAMES.length) + 1}`,
        locked: rng.chance(0.1),
        date_created: iso(times[i]),
        published_date: published ? iso(this.between(rng, times[i] + HOUR, this.nowSec - DAY)) : undefined,
        published_status: published,
        time_zone: rng.pick(TIME_ZONES),
        active_contact_count: published ? rng.int(0, Math.max(1, Math.floor(this.size / 5))) : 0,
        completed_contact_count: published ? rng.int(0, Math.max(1, Math.floor(this.size / 3))) : 0,
      };
      this.store.campaigns.insert(record);
    }
  }
}
