require 'rails_helper'

RSpec.describe OrderSync do
  let(:keap_order) do
    {
      'id' => 21077,
      'contact' => { 'id' => 41500, 'email' => 'kim@example.com' },
      'total' => { 'amount' => 42.5 },
      'order_items' => [{ 'id' => 5512, 'quantity' => 2, 'product' => { 'id' => 140 } }]
    }
  end

  it 'creates a local order for a Keap order' do
    expect { described_class.call(keap_order) }.to change(Order, :count).by(1)
    expect(Order.last.keap_order_id).to eq(21077)
  end

  it 'retries 3 times on a 503' do
    stub_request(:get, 'https://api.infusionsoft.com/crm/rest/v2/orders/21077').to_return(status: 503).times(3)
    expect(described_class.fetch(21077)).to be_nil
  end
end
