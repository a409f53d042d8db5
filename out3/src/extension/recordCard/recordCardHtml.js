"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recordCardHtml = recordCardHtml;
/**
 * The record card's page: the same Content-Security-Policy as the plan preview (nothing by default,
 * scripts only with this load's nonce, styles only from the extension's own files, no
 * 'unsafe-inline'), and no record data at all: the card arrives as a message and is drawn with text
 * nodes. No vscode import, so a unit test checks the policy.
 */
const planPanelHtml_1 = require("../planPanel/planPanelHtml");
function recordCardHtml({ cspSource, scriptUri, styleUri, title, nonce = (0, planPanelHtml_1.newNonce)() }) {
    return (0, planPanelHtml_1.webviewPageHtml)({ cspSource, nonce, styles: [{ href: styleUri }], title, loading: 'Loading the record…', scriptUri });
}
//# sourceMappingURL=recordCardHtml.js.map