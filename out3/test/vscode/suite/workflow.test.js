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
 * The whole user path inside a real extension host, against the demo connection's emulator:
 * snapshot via the command, explore it in the tree, validate into the Problems panel, lose orders,
 * plan a restore (the preview webview opens and loads), apply through the webview's message path,
 * and find the orders back in the account.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const vscode = __importStar(require("vscode"));
const support_1 = require("./support");
describe('Keap Vault workflow in VS Code', function () {
    this.timeout(120_000);
    let api;
    let baseUrl;
    let snapshotFile;
    before(async () => {
        api = await (0, support_1.extensionApi)();
        baseUrl = await (0, support_1.demoBaseUrl)();
    });
    const children = async (node) => (await api.explorer.getChildren(node)) ?? [];
    const label = (node) => {
        const item = api.explorer.getTreeItem(node);
        return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    };
    it('the demo connection is in the tree and starts the emulator', async () => {
        const roots = await children();
        const demo = roots.find((n) => n.kind === 'connection' && n.connection.demo);
        strict_1.default.ok(demo, `no demo connection among ${roots.map(label).join(', ')}`);
        strict_1.default.equal(label(demo), 'Keap emulator (demo)');
        const counts = await (0, support_1.emulatorCounts)(baseUrl);
        strict_1.default.ok(counts.orders > 50, `the demo account has orders (${counts.orders})`);
    });
    it('takes a snapshot through the command, with the orders the account has', async () => {
        const demo = (await children()).find((n) => n.kind === 'connection' && n.connection.demo);
        const file = await vscode.commands.executeCommand('keapVault.takeSnapshot', demo);
        strict_1.default.ok(file, 'keapVault.takeSnapshot failed: see the Keap Vault output channel');
        snapshotFile = file;
        const listing = (await api.snapshots.list()).find((s) => s.file === file);
        strict_1.default.ok(listing, 'the snapshot is in the library');
        strict_1.default.equal(listing.meta.counts.orders, (await (0, support_1.emulatorCounts)(baseUrl)).orders);
    });
    it("the tree shows the snapshot, its orders, and an order's contact, items and payments", async () => {
        await vscode.commands.executeCommand('workbench.view.extension.keapVault');
        const demo = (await children()).find((n) => n.kind === 'connection' && n.connection.demo);
        const snapshotsNode = (await children(demo)).find((n) => n.kind === 'snapshots');
        const snapshot = (await children(snapshotsNode)).find((n) => n.kind === 'snapshot' && n.listing.file === snapshotFile);
        strict_1.default.ok(snapshot, 'the new snapshot is listed under the demo connection');
        strict_1.default.match(api.explorer.getTreeItem(snapshot).tooltip, /\d+ orders, \d+ contacts/);
        const ordersNode = (await children(snapshot)).find((n) => n.kind === 'entity' && n.entity === 'orders');
        const orders = await children(ordersNode);
        strict_1.default.equal(orders.filter((n) => n.kind === 'record').length, 50, 'the first page of orders');
        strict_1.default.equal(orders.at(-1)?.kind, 'more', '"Load more…" ends a long list');
        // An order with payments, so every kind of child is there.
        const db = await api.snapshots.db(snapshotFile);
        const paid = db.all('SELECT order_id FROM payments GROUP BY order_id LIMIT 200').map((r) => r.order_id);
        const order = orders.find((n) => n.kind === 'record' && paid.includes(n.id));
        strict_1.default.ok(order && order.kind === 'record', 'a paid order on the first page');
        strict_1.default.match(order.label, new RegExp(`#${order.id}`));
        const parts = await children(order);
        const kinds = parts.map((n) => (n.kind === 'record' ? n.entity : n.kind));
        strict_1.default.equal(kinds[0], 'contacts', `the order's contact comes first (${kinds.join(', ')})`);
        strict_1.default.ok(kinds.includes('order_items'), `items among ${kinds.join(', ')}`);
        strict_1.default.ok(kinds.includes('payments'), `payments among ${kinds.join(', ')}`);
        // Clicking the order opens its card; the card's Show Raw JSON opens it read-only as JSON.
        const item = api.explorer.getTreeItem(order);
        strict_1.default.equal(item.command?.command, 'keapVault.openRecord');
        await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
        const card = await (0, support_1.waitFor)('the order card to open', () => api.recordCard(order.source, order.id));
        await card.showJson();
        const editor = await (0, support_1.waitFor)('the order to open', () => vscode.window.activeTextEditor?.document.uri.scheme === 'keap-vault' ? vscode.window.activeTextEditor : undefined);
        strict_1.default.equal(editor.document.languageId, 'json');
        strict_1.default.equal(JSON.parse(editor.document.getText()).id, order.id);
        card.panel.dispose(); // one webview at a time: the preview's screenshot finds its page by its frame
    });
    it("validation puts the demo's planted problems into the Problems panel, on the records", async () => {
        const counts = await vscode.commands.executeCommand('keapVault.validateSnapshot', snapshotFile);
        strict_1.default.ok(counts && counts.error > 0, 'the demo has errors to find');
        const ours = vscode.languages.getDiagnostics().filter(([, ds]) => ds.some((d) => d.source === 'Keap Vault'));
        const rules = new Set(ours.flatMap(([, ds]) => ds.map((d) => String(d.code))));
        for (const rule of ['order/orphan-contact', 'order-item/missing-product', 'order/total-mismatch', 'order/likely-duplicate']) {
            strict_1.default.ok(rules.has(rule), `${rule} among ${[...rules].join(', ')}`);
        }
        // Clicking a finding opens its record: the diagnostic is on the record's own document.
        const [uri, diagnostics] = ours.find(([, ds]) => ds.some((d) => d.code === 'order/orphan-contact'));
        strict_1.default.equal(uri.scheme, 'keap-vault');
        const doc = await vscode.workspace.openTextDocument(uri);
        strict_1.default.ok(JSON.parse(doc.getText()), 'the record opens as JSON');
        strict_1.default.match(diagnostics[0].message, /\n/, "the message carries the rule's explanation");
    });
    it('after orders are lost, plan restore opens the preview webview, and apply through it brings them back', async () => {
        const before = await (0, support_1.emulatorCounts)(baseUrl);
        const lost = await (0, support_1.emulatorAdmin)(baseUrl, 'POST', '/disasters/delete-paid-orders', {
            count: 3,
            seed: 11,
        });
        strict_1.default.equal(lost.affected.orders.length, 3);
        strict_1.default.equal((await (0, support_1.emulatorCounts)(baseUrl)).orders, before.orders - 3);
        const planId = await vscode.commands.executeCommand('keapVault.planRestore', snapshotFile);
        strict_1.default.ok(planId, 'keapVault.planRestore failed: see the Keap Vault output channel');
        const panel = api.planPanel(planId);
        strict_1.default.ok(panel, 'the preview opened');
        strict_1.default.equal(panel.panel.viewType, 'keapVault.planPreview');
        strict_1.default.match(panel.panel.title, /^Restore plan: \d+ to create/);
        // The page ran: it answered `ready`, drew the plan and sent its state back to the host.
        const state = await (0, support_1.waitFor)('the webview to load the plan and report its state', () => panel.state);
        const plan = await api.plans.read(api.plans.get(planId));
        const orderCreates = plan.steps
            .filter((s) => s.entity === 'orders' && s.action === 'create')
            .map((s) => s.oldId)
            .sort();
        strict_1.default.deepEqual(orderCreates, [...lost.affected.orders].sort());
        strict_1.default.ok(state.selected.length > 0 &&
            state.selected.every((id) => plan.steps.some((s) => s.id === id && (s.action === 'create' || s.action === 'update'))));
        // VS Code's modal asks before Apply writes; a test cannot press its button, so it answers for the user.
        panel.confirmApply = async () => true;
        await panel.receive({ type: 'apply', stepIds: state.selected });
        const receipt = panel.state?.receipt;
        strict_1.default.ok(receipt, 'apply ended with a receipt');
        strict_1.default.deepEqual(receipt.failed, []);
        strict_1.default.deepEqual(receipt.verification.problems, []);
        // Every record written is read back: the 3 orders and their payments (the marker field is not data).
        const written = plan.steps.filter((s) => (s.action === 'create' || s.action === 'update') && !['custom_fields', 'contact_tags'].includes(s.entity));
        strict_1.default.ok(written.filter((s) => s.entity === 'orders').length === 3 && written.some((s) => s.entity === 'payments'));
        strict_1.default.equal(receipt.verification.checked, written.length);
        for (const oldId of lost.affected.orders) {
            const mapped = receipt.idMap.find((e) => e.entity === 'orders' && e.oldId === oldId);
            strict_1.default.ok(mapped && mapped.newId !== oldId, `order ${oldId} has a new id`);
            strict_1.default.equal(panel.state?.progress[`orders:${oldId}`]?.newId, mapped.newId, "the preview's id column got the new id");
        }
        const after = await (0, support_1.emulatorCounts)(baseUrl);
        strict_1.default.equal(after.orders, before.orders, 'every lost order is back, none twice');
        strict_1.default.equal(after.payments, before.payments);
        strict_1.default.equal(api.plans.get(planId)?.status, 'applied');
        await (0, support_1.screenshot)('plan-applied');
    });
    it('a new plan from the same snapshot has nothing left to create', async () => {
        const planId = await vscode.commands.executeCommand('keapVault.planRestore', snapshotFile);
        const plan = await api.plans.read(api.plans.get(planId));
        strict_1.default.deepEqual(plan.steps.filter((s) => s.action === 'create').map((s) => s.id), []);
        const panel = api.planPanel(planId);
        await panel.whenReady();
        panel.panel.dispose();
    });
    it('exports the id map through the save dialog', async () => {
        const applied = api.plans.list().find((e) => e.status === 'applied');
        const exported = vscode.commands.executeCommand('keapVault.exportIdMap', applied, 'csv');
        await new Promise((r) => setTimeout(r, 1500)); // the save dialog (VS Code's own in the browser) opens on the suggested file
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        const file = await exported;
        strict_1.default.ok(file, 'the export ended with the file it wrote');
        const lines = (await vscode.workspace.fs.readFile(vscode.Uri.file(file))).toString().trim().split(/\r\n/);
        strict_1.default.equal(lines[0], 'entity,old_id,new_id,plan_id,restored_at');
        // The id map is the account's: other host tests (preview.test.ts) may have restored into the same demo account.
        const orders = lines.filter((l) => l.startsWith('orders,') && l.includes(`,${applied.planId},`));
        strict_1.default.equal(orders.length, 3, lines.join('\n'));
    });
    it('a plan the account moved away from is stale when reopened: Apply is refused, re-plan is offered', async () => {
        const db = await api.snapshots.db(snapshotFile);
        const lost = db.all('SELECT o.id FROM orders o WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id) ORDER BY o.id DESC LIMIT 1')[0].id;
        await (0, support_1.emulatorAdmin)(baseUrl, 'POST', '/disasters/delete-orders', { ids: [lost] });
        const planId = await vscode.commands.executeCommand('keapVault.planRestore', snapshotFile);
        const plan = await api.plans.read(api.plans.get(planId));
        const first = api.planPanel(planId);
        await first.whenReady(); // closing a webview that is still loading can stall code-server's next one
        first.panel.dispose();
        // Someone edits a contact the plan relies on (the lost order's contact) before it is applied.
        const order = plan.steps.find((s) => s.id === `orders:${lost}`);
        const contactRef = order.refs.find((r) => r.entity === 'contacts');
        const contactLiveId = plan.steps.find((s) => s.id === `contacts:${contactRef.oldId}`)?.liveId ?? contactRef.oldId;
        const res = await fetch(`${baseUrl}/v2/contacts/${contactLiveId}?update_mask=job_title`, {
            method: 'PATCH',
            body: JSON.stringify({ job_title: 'Changed meanwhile' }),
            headers: { 'content-type': 'application/json', 'X-Keap-API-Key': support_1.DEMO_TOKEN },
        });
        strict_1.default.equal(res.status, 200, await res.text());
        await vscode.commands.executeCommand('keapVault.openRestore', planId);
        const panel = await (0, support_1.waitFor)('the preview', () => api.planPanel(planId));
        await (0, support_1.waitFor)('the stale check', () => api.plans.get(planId)?.status === 'stale');
        const before = (await (0, support_1.emulatorCounts)(baseUrl)).orders;
        panel.confirmApply = async () => true;
        await panel.receive({ type: 'apply', stepIds: [order.id, ...order.dependsOn] });
        strict_1.default.equal((await (0, support_1.emulatorCounts)(baseUrl)).orders, before, 'nothing was written');
        strict_1.default.equal(panel.isApplying, false);
        panel.panel.dispose();
    });
    it('closing the preview and reopening it from the Restores view shows the applied plan again', async () => {
        const history = api.plans.list();
        strict_1.default.deepEqual(history.map((e) => e.status), ['stale', 'planned', 'applied'], 'the Restores view lists every plan, newest first, with how it ended');
        const applied = history[2];
        await vscode.commands.executeCommand('keapVault.openRestore', applied.planId);
        const panel = await (0, support_1.waitFor)('the reopened preview', () => api.planPanel(applied.planId));
        await panel.whenReady();
        strict_1.default.ok(panel.state?.receipt, 'the receipt is back');
        strict_1.default.equal(panel.state.receipt.created, applied.result?.created);
        panel.panel.dispose();
    });
    it('restore this order, from the tree: plans exactly that order and what it needs; its apply survives closing the preview', async () => {
        const db = await api.snapshots.db(snapshotFile);
        const unpaid = db
            .all('SELECT o.id FROM orders o WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id) ORDER BY o.id LIMIT 50')
            .map((r) => r.id);
        const live = await (0, support_1.emulatorAdmin)(baseUrl, 'POST', '/disasters/delete-orders', {
            ids: unpaid.slice(0, 2),
        });
        strict_1.default.equal(live.affected.orders.length, 2);
        const [lost, alsoLost] = live.affected.orders;
        const node = {
            kind: 'record',
            source: { type: 'snapshot', file: snapshotFile },
            entity: 'orders',
            id: lost,
            label: `#${lost}`,
        };
        const planId = await vscode.commands.executeCommand('keapVault.restoreOrder', node);
        strict_1.default.ok(planId, 'keapVault.restoreOrder failed: see the Keap Vault output channel');
        const plan = await api.plans.read(api.plans.get(planId));
        const creates = plan.steps.filter((s) => s.action === 'create').map((s) => s.id);
        strict_1.default.ok(creates.includes(`orders:${lost}`), `creates ${creates.join(', ')}`);
        strict_1.default.ok(!creates.includes(`orders:${alsoLost}`), 'the other lost order is not in this plan');
        strict_1.default.deepEqual(creates.filter((id) => id.startsWith('orders:')), [`orders:${lost}`]);
        // Apply, and close the preview at once: the apply goes on, and the preview opened again shows it end.
        const first = api.planPanel(planId);
        const state = await (0, support_1.waitFor)('the preview to load', () => first.state);
        const before = (await (0, support_1.emulatorCounts)(baseUrl)).orders;
        first.confirmApply = async () => true;
        const applying = first.receive({ type: 'apply', stepIds: state.selected });
        first.panel.dispose();
        await vscode.commands.executeCommand('keapVault.openRestore', planId);
        const again = await (0, support_1.waitFor)('the preview to reopen', () => api.planPanel(planId));
        strict_1.default.notEqual(again, first);
        await applying;
        const receipt = await (0, support_1.waitFor)('the reopened preview to get the receipt', () => again.state?.receipt);
        strict_1.default.deepEqual(receipt.failed, []);
        strict_1.default.equal((await (0, support_1.emulatorCounts)(baseUrl)).orders, before + 1, 'the order is back, once');
        strict_1.default.equal(api.plans.get(planId)?.status, 'applied');
        again.panel.dispose();
    });
    it('an incremental snapshot, compared with the first one, holds the restored orders under new ids', async () => {
        const demo = (await children()).find((n) => n.kind === 'connection' && n.connection.demo);
        const later = await vscode.commands.executeCommand('keapVault.takeIncrementalSnapshot', demo);
        strict_1.default.ok(later, 'keapVault.takeIncrementalSnapshot failed');
        const listing = (await api.snapshots.list()).find((s) => s.file === later);
        strict_1.default.ok(listing.meta.incrementalFrom, 'it was taken incrementally');
        // Keap has no feed of deletions: an incremental snapshot adds what is new or changed and says that
        // deletions were not checked (the orders deleted since are still in it).
        strict_1.default.equal(listing.meta.deletionsChecked, false);
        const first = (await api.snapshots.list()).find((s) => s.file === snapshotFile);
        strict_1.default.equal(listing.meta.counts.orders, (first.meta.counts.orders ?? 0) + 4, "the first snapshot's orders, and the 3 + 1 restored under new ids");
        const compared = vscode.commands.executeCommand('keapVault.compareSnapshots', snapshotFile, later);
        await new Promise((r) => setTimeout(r, 1000)); // the quick pick of differences opens
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        const totals = await compared;
        strict_1.default.ok(totals, 'the compare ended with its totals');
        // The 3 orders and 5 payments re-created under new ids are added; nothing is removed, as deletions were not checked.
        strict_1.default.ok(totals.added >= 8 && totals.removed === 0, JSON.stringify(totals));
        const editor = await (0, support_1.waitFor)('the picked record to open', () => vscode.window.activeTextEditor?.document.uri.scheme === 'keap-vault' ? vscode.window.activeTextEditor : undefined);
        strict_1.default.match(editor.document.uri.query, /file=/);
    });
    it('compares a snapshot with the live account: lost records removed, restored ones paired with their new ids', async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        const compared = vscode.commands.executeCommand('keapVault.compareWithLive', snapshotFile);
        let settled = false;
        void compared.then(() => {
            settled = true;
        }, () => {
            settled = true;
        });
        // The live read comes first; then the quick pick of differences, whose first entry is accepted.
        await (0, support_1.waitFor)('the compare to list the differences and open the picked record', async () => {
            if (!settled)
                await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
            await new Promise((r) => setTimeout(r, 500));
            return settled || undefined;
        });
        const editor = vscode.window.activeTextEditor;
        strict_1.default.equal(editor?.document.uri.scheme, 'keap-vault', 'the picked record opened');
        const totals = await compared;
        strict_1.default.ok(totals, 'the compare ended with its totals');
        // Lost since the snapshot: 3 paid orders (restored under new ids), 2 + 1 unpaid (one restored), their payments.
        // The restored ones are neither removed nor added: they pair with their restores (markers, ledger).
        strict_1.default.ok(totals.removed >= 2, JSON.stringify(totals));
        strict_1.default.ok(totals.restored >= 4 + 5, JSON.stringify(totals));
        strict_1.default.ok(totals.added < 4, JSON.stringify(totals));
    });
    it('validate current file marks an unknown product at its exact line and column', async () => {
        const folder = vscode.workspace.workspaceFolders?.[0];
        strict_1.default.ok(folder, 'the test workspace is open');
        const db = await api.snapshots.db(snapshotFile);
        const contactId = db.all('SELECT id FROM contacts LIMIT 1')[0].id;
        const text = JSON.stringify([{ id: 'import-1', contact_id: contactId, order_items: [{ product_id: '99999999', quantity: 1 }] }], null, 2);
        const uri = vscode.Uri.joinPath(folder.uri, 'orders-to-import.json');
        await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
        const doc = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(doc);
        const found = await vscode.commands.executeCommand('keapVault.validateCurrentFile', snapshotFile);
        strict_1.default.equal(found, 1);
        const [diagnostic] = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Keap Vault');
        strict_1.default.equal(diagnostic.code, 'file/unknown-product');
        const line = text.split('\n').findIndex((l) => l.includes('99999999'));
        strict_1.default.equal(diagnostic.range.start.line, line);
        strict_1.default.match(doc.getText(diagnostic.range), /99999999/);
    });
    it("the explorer can be walked with the keyboard down to an order's payments", async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.commands.executeCommand('keapVault.explorer.focus');
        const keys = [
            'list.focusFirst',
            'list.focusDown',
            'list.focusDown',
            'list.focusDown',
            'list.expand',
            'list.focusDown',
            'list.expand',
            'list.focusDown',
            'list.expand',
            'list.select',
        ];
        for (const key of keys) {
            await vscode.commands.executeCommand(key);
            await new Promise((r) => setTimeout(r, 250));
        }
        // Selecting the first order opened its card, as a click would.
        const demo = (await children()).find((n) => n.kind === 'connection' && n.connection.demo);
        const snapshot = (await children((await children(demo)).find((n) => n.kind === 'snapshots')))[0];
        const [first] = await children((await children(snapshot)).find((n) => n.kind === 'entity' && n.entity === 'orders'));
        strict_1.default.ok(first?.kind === 'record', 'the first row of the first list is an order');
        await (0, support_1.waitFor)('the first order to open', () => api.recordCard(first.source, first.id)?.renderedText);
        await (0, support_1.screenshot)('explorer');
    });
});
//# sourceMappingURL=workflow.test.js.map