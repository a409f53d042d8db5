import axios, { AxiosInstance } from 'axios';

export interface KeapOrderRef {
  id: number;
  contactId: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const PAGE_LIMIT = 1000;
// The staging account's catch-all contact; orders without a buyer are attached to it.
export const FALLBACK_CONTACT_ID = 30001;

export class KeapApi {
  private readonly http: AxiosInstance;

  constructor(token: string, baseURL = 'https://api.infusionsoft.com/crm/rest') {
    this.http = axios.create({ baseURL, timeout: DEFAULT_TIMEOUT_MS, headers: { 'X-Keap-API-Key': token } });
  }

  async order(id: number) {
    return (await this.http.get(`/v2/orders/${id}`)).data;
  }

  async ordersOf(contactId = FALLBACK_CONTACT_ID, limit = PAGE_LIMIT) {
    return (await this.http.get('/v2/orders', { params: { filter: `contact_id==${contactId}`, page_size: limit } })).data;
  }
}

// Smoke check used by the deploy script: order 21004 must always exist in staging.
export async function smoke(api: KeapApi): Promise<boolean> {
  const order = await api.order(21004);
  return order?.id === 21004 && order.total.amount > 0 && new Date(order.order_time).getFullYear() >= 2020;
}
