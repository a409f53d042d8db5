"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Keap ids beside the integration code, in a real extension host, on the demo: the demo integration
 * project copied into the workspace, hovers read from a snapshot (and send nothing to Keap), a restore
 * that turns the old ids into warnings, the quick fix, and "replace all" through the refactoring preview.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const vscode = __importStar(require("vscode"));
const support_1 = require("./support");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
describe('Keap ids in the workspace', function () {
    this.timeout(180_000);
    let api;
    let baseUrl;
    let sample;
    let snapshotFile;
    /** New id of each lost order after the restore. */
    const restoredAs = new Map();
    const planned = [];
    before(async () => {
        api = await (0, support_1.extensionApi)();
        baseUrl = await (0, support_1.demoBaseUrl)();
    });
    // The Restores view the workflow test checks holds only its own plans.
    after(async () => {
        for (const id of planned) {
            api.planPanel(id)?.panel.dispose();
            await api.plans.forget(id);
        }
    });
    const file = (...parts) => vscode.Uri.joinPath(sample, ...parts);
    /** The hover's text at the first `needle` on the line that holds `onLine`. */
    async function hoverText(uri, onLine, needle) {
        const doc = await vscode.workspace.openTextDocument(uri);
        const line = doc
            .getText()
            .split('\n')
            .findIndex((l) => l.includes(onLine));
        strict_1.default.ok(line >= 0, `${onLine} is in ${uri.path}`);
        const column = doc.lineAt(line).text.indexOf(needle, doc.lineAt(line).text.indexOf(onLine));
        const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(line, column + 1));
        return hovers
            .flatMap((h) => h.contents)
            .map((c) => (typeof c === 'string' ? c : c.value))
            .join('\n');
    }
    const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Keap Vault');
    it('hovering an id shows the record from the latest snapshot, and sends nothing to Keap', async () => {
        const copied = await vscode.commands.executeCommand('keapVault.openDemoIntegration');
        strict_1.default.ok(copied, 'keapVault.openDemoIntegration failed: see the Keap Vault output channel');
        sample = vscode.Uri.file(copied);
        const demo = (await api.explorer.getChildren())?.find((n) => n.kind === 'connection' && n.connection.demo);
        const taken = await vscode.commands.executeCommand('keapVault.takeSnapshot', demo);
        strict_1.default.ok(taken, 'keapVault.takeSnapshot failed');
        snapshotFile = taken;
        const before = (await (0, support_1.emulatorAdmin)(baseUrl, 'GET', '/stats')).accepted;
        const order = await hoverText(file('src', 'fulfilment.js'), 'HOLD_ORDER_IDS = [', '6');
        strict_1.default.match(order, /Order 6: Web order 6/);
        for (const shown of [
            /Contact \| William Johnson \\\(contact 12\\\)/,
            /Total \| \$1,352\\\.50/,
            /Status \| PAID/,
            /Date \| 2024\\-01\\-26/,
        ])
            strict_1.default.match(order, shown);
        strict_1.default.match(order, /\[Open the record\]\(command:keapVault\.openRecord\?/);
        strict_1.default.match(order, /\[Look it up live\]\(command:keapVault\.lookUpIdLive\?/);
        const contact = await hoverText(file('config', 'integration.yaml'), 'id: 21', '21');
        strict_1.default.match(contact, /Contact 21: Hannah Moore/);
        strict_1.default.match(contact, /Email \| hmoore21@mail\\\.example\\\.com/);
        const product = await hoverText(file('src', 'fulfilment.js'), 'GIFT_WRAP_PRODUCT_ID =', '3');
        strict_1.default.match(product, /Product 3: Advanced Journal/);
        strict_1.default.match(product, /SKU \| JOU\\-1002/);
        strict_1.default.match(product, /Price \| \$1,312\\\.50/);
        strict_1.default.match(await hoverText(file('src', 'fulfilment.js'), 'VIP_TAG_ID =', '2'), /Tag 2: VIP/);
        const unknownUri = vscode.Uri.joinPath(sample, 'unknown.env');
        await vscode.workspace.fs.writeFile(unknownUri, Buffer.from('LEGACY_ORDER_ID=987654\n'));
        strict_1.default.match(await hoverText(unknownUri, 'LEGACY_ORDER_ID', '987654'), /Order 987654\*\* is not in the latest snapshot/);
        strict_1.default.equal((await (0, support_1.emulatorAdmin)(baseUrl, 'GET', '/stats')).accepted, before, 'no request to Keap on hover');
    });
    it('after a restore in the demo, every old id of the restored orders is a warning naming the new id', async () => {
        const lost = await vscode.commands.executeCommand('keapVault.simulateDemoLoss');
        strict_1.default.deepEqual(lost, ['6', '10', '13']);
        const planId = await vscode.commands.executeCommand('keapVault.planRestore', snapshotFile);
        strict_1.default.ok(planId, 'keapVault.planRestore failed');
        planned.push(planId);
        const panel = api.planPanel(planId);
        const state = await (0, support_1.waitFor)('the preview to load the plan', () => panel.state);
        panel.confirmApply = async () => true; // the user pressed Apply in VS Code's modal
        await panel.receive({ type: 'apply', stepIds: state.selected });
        const receipt = panel.state?.receipt;
        strict_1.default.ok(receipt, 'the apply ended with a receipt');
        for (const id of lost) {
            const mapped = receipt.idMap.find((e) => e.entity === 'orders' && e.oldId === id);
            strict_1.default.ok(mapped, `order ${id} was restored`);
            restoredAs.set(id, mapped.newId);
        }
        panel.panel.dispose();
        const js = file('src', 'fulfilment.js');
        const warnings = await (0, support_1.waitFor)('the warnings in fulfilment.js', () => (ours(js).length >= 4 ? ours(js) : undefined), 60_000);
        const six = warnings.find((d) => d.message.startsWith('Order 6 '));
        strict_1.default.ok(six, warnings.map((d) => d.message).join('\n'));
        strict_1.default.match(six.message, new RegExp(`^Order 6 was restored as ${restoredAs.get('6')} on \\d{4}-\\d\\d-\\d\\d \\(restore plan ${planId}\\)$`));
        strict_1.default.equal(six.severity, vscode.DiagnosticSeverity.Warning);
        const doc = await vscode.workspace.openTextDocument(js);
        strict_1.default.equal(doc.getText(six.range), '6');
        // Every kind of file of the sample: SQL values, a YAML fixture, a JSON fixture named after orders, .env.
        strict_1.default.equal(ours(file('sql', 'shipments.sql')).length, 4);
        strict_1.default.deepEqual(ours(file('config', 'integration.yaml')).map((d) => d.message.split(' was ')[0]), ['Order 10']);
        strict_1.default.equal(ours(file('fixtures', 'order-6.json')).length, 1);
        strict_1.default.equal(ours(file('keap.env')).length, 1);
        // Ids of records no restore touched are no warnings (the tag, the products, the contacts).
        strict_1.default.ok(warnings.every((d) => /^Order (6|10|13) /.test(d.message)));
    });
    it('the quick fix replaces one old id with the new one', async () => {
        const js = file('src', 'fulfilment.js');
        const doc = await vscode.workspace.openTextDocument(js);
        await vscode.window.showTextDocument(doc);
        const six = ours(js).find((d) => d.message.startsWith('Order 6 '));
        const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', js, six.range);
        const fix = actions.find((a) => a.title === `Replace with ${restoredAs.get('6')}`);
        strict_1.default.ok(fix?.edit, actions.map((a) => a.title).join(', '));
        strict_1.default.ok(actions.some((a) => a.title === 'Replace All Remapped Keap IDs in the Workspace…'));
        strict_1.default.ok(await vscode.workspace.applyEdit(fix.edit));
        strict_1.default.match(doc.lineAt(six.range.start.line).text, new RegExp(`HOLD_ORDER_IDS = \\[${restoredAs.get('6')}, 10\\]`));
        await (0, support_1.waitFor)('the warning to go', () => !ours(js).some((d) => d.message.startsWith('Order 6 ')) || undefined, 10_000);
    });
    it('replace all shows the changes as a refactoring preview, and applying it leaves no stale id', async () => {
        const { index, remaps } = api.integrationIds;
        const files = index.files().filter((f) => f.occurrences.some((o) => remaps.table.lookup(o.kind, o.id)?.newId)).length;
        strict_1.default.equal(files, 5, 'the sample files still holding old ids: fulfilment.js, the YAML, the SQL, the fixture, the .env');
        const replacing = vscode.commands.executeCommand('keapVault.replaceAllRemappedIds');
        // Every change waits for its tick: tick each file in the preview, as a user would, then Apply.
        await sleep(2000);
        for (const command of ['refactorPreview.focus', 'list.collapseAll', 'list.focusFirst']) {
            await vscode.commands.executeCommand(command);
            await sleep(300);
        }
        for (let i = 0; i < files; i++) {
            await vscode.commands.executeCommand('refactorPreview.toggleCheckedState');
            await vscode.commands.executeCommand('list.focusDown');
            await sleep(200);
        }
        await vscode.commands.executeCommand('refactorPreview.apply');
        const result = await replacing;
        strict_1.default.ok(result?.applied, JSON.stringify(result));
        strict_1.default.equal(result.files, 5, JSON.stringify(result));
        const sql = (await vscode.workspace.openTextDocument(file('sql', 'shipments.sql'))).getText();
        for (const id of ['6', '10', '13'])
            strict_1.default.match(sql, new RegExp(`\\(${restoredAs.get(id)}, '`));
        strict_1.default.match(sql, new RegExp(`keap_order_id = ${restoredAs.get('13')};`));
        strict_1.default.match(sql, /'UPS', 1250/, 'nothing but the ids changed');
        for (const uri of [file('src', 'fulfilment.js'), file('sql', 'shipments.sql'), file('config', 'integration.yaml'), file('keap.env')])
            await (0, support_1.waitFor)(`no warning left in ${uri.path}`, () => ours(uri).length === 0 || undefined, 10_000);
    });
});
//# sourceMappingURL=integrationIds.test.js.map