"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.planPanelSerializer = planPanelSerializer;
/**
 * Revives plan previews after a window reload: VS Code hands back the panel and the page's saved
 * state, whose plan id finds the plan file in the index.
 */
const node_fs_1 = require("node:fs");
const state_1 = require("../../webview/state");
const panelWebview_1 = require("./panelWebview");
function planPanelSerializer(services, revive) {
    return {
        async deserializeWebviewPanel(panel, saved) {
            const pageUi = saved?.ui;
            const entry = typeof pageUi?.planId === 'string' ? services.plans.get(pageUi.planId) : undefined;
            panel.webview.options = (0, panelWebview_1.webviewOptions)(services.extensionUri);
            if (!entry || !(0, node_fs_1.existsSync)(entry.file)) {
                panel.webview.html =
                    '<!DOCTYPE html><html><body><p>This restore plan is no longer available. Open the plan file again with "Keap Vault: Open Restore Plan File…".</p></body></html>';
                return;
            }
            try {
                const plan = await services.plans.read(entry);
                // The page's state is the newest for what the user chose; the host's copy knows how an apply ended.
                const revived = revive(panel, entry, plan, (0, state_1.mergeUiState)(entry.planId, pageUi, services.plans.savedUi(entry.planId)));
                if (!entry.status.startsWith('applied'))
                    void revived.checkStale();
            }
            catch (err) {
                panel.webview.html = '<!DOCTYPE html><html><body><p>The restore plan could not be read.</p></body></html>';
                services.log.error(`Reopening plan ${entry.planId}: ${err.message}`);
            }
        },
    };
}
//# sourceMappingURL=panelSerializer.js.map