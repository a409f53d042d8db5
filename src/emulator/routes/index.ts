import { Router } from '../http/router';
import { registerCampaignAndModelRoutes } from './campaignsAndModels';
import { registerCompanyRoutes } from './companies';
import { registerContactRoutes } from './contacts';
import { registerNoteRoutes } from './notes';
import { registerOrderRoutes } from './orders';
import { registerPaymentRoutes } from './payments';
import { registerProductRoutes } from './products';
import { registerSubscriptionRoutes } from './subscriptions';
import { registerTagRoutes } from './tags';

/** Keap's REST v2 surface as served under `/crm/rest`. */
export function keapRoutes(): Router {
  const router = new Router();
  registerContactRoutes(router);
  registerCompanyRoutes(router);
  registerProductRoutes(router);
  registerOrderRoutes(router);
  registerPaymentRoutes(router);
  registerSubscriptionRoutes(router);
  registerTagRoutes(router);
  registerCampaignAndModelRoutes(router);
  registerNoteRoutes(router);
  return router;
}
