/** Campaigns: Keap's API cannot create them, so a plan can only say whether the account still has each. */
import type { KeapCampaign } from '../../model';
import { quote } from '../planContext';
import type { RestorableEntity } from './entity';

export const campaigns: RestorableEntity = {
  entity: 'campaigns',

  plan(ctx, record, pulledIn) {
    const campaign = record as unknown as KeapCampaign;
    const label = `Campaign ${quote(campaign.name)}`;
    if (ctx.live.has('campaigns', campaign.id))
      return ctx.addStep(
        {
          entity: 'campaigns',
          oldId: campaign.id,
          liveId: campaign.id,
          action: 'skip',
          reason: 'identical',
          label,
          pulledIn,
          detail: `${label}: in the account`,
        },
        campaign.id,
      );
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
