# frozen_string_literal: true

require 'net/http'
require 'json'

module KeapSync
  API = 'https://api.infusionsoft.com/crm/rest/v2'
  OPEN_TIMEOUT = 10
  WELCOME_SEQUENCE_TAG = 204
  REORDER_PRODUCT_IDS = [27, 31].freeze

  def self.tag_new_customer(client, contact_id)
    client.post("/tags/#{WELCOME_SEQUENCE_TAG}/contacts:applyTags", contact_ids: [contact_id])
  end

  def self.order_payload
    {
      contact_id: 40213,
      order_title: 'Reorder',
      order_items: [{ product_id: 27, quantity: 3 }],
      lead_affiliate_id: 0,
    }
  end

  def self.retry_policy
    { attempts: 5, backoff: 1.5, max_wait: 120 }
  end
end

# Console: KeapSync.refund(order_id: 20118, amount: 12.50)
params = { order_id: 20118, contact_id: 40988 }
puts "Refunding order ##{params[:order_id]} (contact #{params[:contact_id]})"
