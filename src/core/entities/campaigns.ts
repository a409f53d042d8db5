/** Campaigns: Keap's automations (read for reference; a restore never starts one). */
import type { KeapCampaign } from '../model';
import { asJsonPages, byId, defineEntity, plainLabel, text } from './define';

export const campaigns = defineEntity({
  name: 'campaigns',
  noun: { one: 'campaign', many: 'campaigns' },
  pages: (client, o) => asJsonPages(client.campaigns.pages(o)),
  table: { name: 'campaigns', idOf: byId, columns: [text('name', (r) => (r as KeapCampaign).name)] },
  label: plainLabel,
  explorerRank: 80,
  live: {},
  uniqueIds: true,
});
