import assert from 'node:assert/strict';
import { checkedBaseUrl } from '../../../src/core/keap/baseUrl';

describe('where a credential may be sent', () => {
  it("accepts Keap's https URL and plain http only to this machine (the emulator)", () => {
    assert.equal(checkedBaseUrl('https://api.infusionsoft.com/crm/rest/'), 'https://api.infusionsoft.com/crm/rest');
    assert.equal(checkedBaseUrl(' http://127.0.0.1:8080/crm/rest '), 'http://127.0.0.1:8080/crm/rest');
    assert.equal(checkedBaseUrl('http://localhost:9/crm/rest'), 'http://localhost:9/crm/rest');
  });

  it('refuses what would expose the credential or carry one in the URL', () => {
    assert.throws(() => checkedBaseUrl('http://api.example.com/crm/rest'), /Use https/);
    assert.throws(() => checkedBaseUrl('https://user:pass@api.infusionsoft.com/crm/rest'), /not in the URL/);
    assert.throws(() => checkedBaseUrl('https://api.infusionsoft.com/crm/rest?access_token=abc'), /no query/);
    assert.throws(() => checkedBaseUrl('https://api.infusionsoft.com/crm/rest#x'), /no query or fragment/);
    assert.throws(() => checkedBaseUrl('not a url'), /Not a URL/);
    assert.throws(() => checkedBaseUrl('ftp://127.0.0.1/'), /Use https/);
  });
});
