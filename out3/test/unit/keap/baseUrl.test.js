"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const baseUrl_1 = require("../../../src/core/keap/baseUrl");
describe('where a credential may be sent', () => {
    it("accepts Keap's https URL and plain http only to this machine (the emulator)", () => {
        strict_1.default.equal((0, baseUrl_1.checkedBaseUrl)('https://api.infusionsoft.com/crm/rest/'), 'https://api.infusionsoft.com/crm/rest');
        strict_1.default.equal((0, baseUrl_1.checkedBaseUrl)(' http://127.0.0.1:8080/crm/rest '), 'http://127.0.0.1:8080/crm/rest');
        strict_1.default.equal((0, baseUrl_1.checkedBaseUrl)('http://localhost:9/crm/rest'), 'http://localhost:9/crm/rest');
    });
    it('refuses what would expose the credential or carry one in the URL', () => {
        strict_1.default.throws(() => (0, baseUrl_1.checkedBaseUrl)('http://api.example.com/crm/rest'), /Use https/);
        strict_1.default.throws(() => (0, baseUrl_1.checkedBaseUrl)('https://user:pass@api.infusionsoft.com/crm/rest'), /not in the URL/);
        strict_1.default.throws(() => (0, baseUrl_1.checkedBaseUrl)('https://api.infusionsoft.com/crm/rest?access_token=abc'), /no query/);
        strict_1.default.throws(() => (0, baseUrl_1.checkedBaseUrl)('https://api.infusionsoft.com/crm/rest#x'), /no query or fragment/);
        strict_1.default.throws(() => (0, baseUrl_1.checkedBaseUrl)('not a url'), /Not a URL/);
        strict_1.default.throws(() => (0, baseUrl_1.checkedBaseUrl)('ftp://127.0.0.1/'), /Use https/);
    });
});
//# sourceMappingURL=baseUrl.test.js.map