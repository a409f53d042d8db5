/**
 * Issue 15, outside the plan preview, in a real extension host: tree rows a screen reader reads in
 * words, a refused credential shown with its fix (tree, status bar, notification), an order opened
 * as a readable card, a contact as one, an order's relationship view (card and preview), Problems grouped by record name with quick fixes, the walkthrough completed
 * from what exists, and the Marketplace icon. Leaves no connection, plan or snapshot behind, so the
 * workflow tests that run after it find the tree as they expect.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { KeapOrder } from '../../../src/core/model';
import type { KeapVaultApi } from '../../../src/extension/extension';
import type { ExplorerNode } from '../../../src/extension/explorer/nodes';
import { withPlanStates } from '../../../src/webview/graph/planStates';
import { demoBaseUrl, extensionApi, screenshot, waitFor } from './support';

const ROOT = path.resolve(__dirname, '../../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  icon?: string;
  contributes: {
    views: Record<string, Array<{ id: string; name: string }>>;
    commands: Array<{ command: string; title: string }>;
    configuration: Array<{ title: string; properties: Record<string, { order?: number; markdownDescription?: string }> }>;
  };
};

type Node<K extends ExplorerNode['kind']> = Extract<ExplorerNode, { kind: K }>;

describe('Keap Vault as a person reads it (issue 15)', function () {
  this.timeout(180_000);
  let api: KeapVaultApi;
  let demo: Node<'connection'>;
  let snapshotFile: string;

  const children = async (node?: ExplorerNode) => (await api.explorer.getChildren(node)) ?? [];
  const find = async <K extends ExplorerNode['kind']>(parent: ExplorerNode | undefined, test: (n: ExplorerNode) => n is Node<K>) => {
    const found = (await children(parent)).find(test);
    assert.ok(found, `no such row under ${parent?.kind ?? 'the root'}`);
    return found;
  };
  const spoken = (node: ExplorerNode) => api.explorer.getTreeItem(node).accessibilityInformation?.label ?? '';
  const snapshotOrders = async () => {
    const folder = await find(demo, (n): n is Node<'snapshots'> => n.kind === 'snapshots');
    const snapshot = await find(folder, (n): n is Node<'snapshot'> => n.kind === 'snapshot' && n.listing.file === snapshotFile);
    const orders = await find(snapshot, (n): n is Node<'entity'> => n.kind === 'entity' && n.entity === 'orders');
    return { snapshot, orders: (await children(orders)).filter((n): n is Node<'record'> => n.kind === 'record') };
  };

  before(async () => {
    api = await extensionApi();
    await demoBaseUrl();
    demo = await find(undefined, (n): n is Node<'connection'> => n.kind === 'connection' && !!n.connection.demo);
    const file = await vscode.commands.executeCommand<string | undefined>('keapVault.takeSnapshot', demo);
    assert.ok(file, 'keapVault.takeSnapshot failed: see the Keap Vault output channel');
    snapshotFile = file;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (snapshotFile) await api.snapshots.delete(snapshotFile);
  });

  it('tree rows speak in words: an order by number, contact, amount and status; each Live row its own sentence', async () => {
    assert.equal(spoken(demo), 'Connection Keap emulator (demo), built-in emulator');
    const { snapshot, orders } = await snapshotOrders();
    assert.match(spoken(snapshot), /^Snapshot taken .+, \d[\d,]* orders, \d[\d,]* contacts, [\d.]+ [KM]iB$/);
    assert.ok(!spoken(snapshot).includes(path.sep + 'snapshots'), 'no path is spoken');
    const order = orders[0];
    const item = api.explorer.getTreeItem(order);
    assert.match(spoken(order), new RegExp(`^Order ${order.id}, .+, \\$[\\d,]+\\.\\d\\d(, (paid|draft|sent|viewed))?$`));
    assert.equal(item.tooltip, spoken(order), 'the tooltip has the whole sentence the description may cut');
    assert.match(String(item.description), /^\$[\d,]+\.\d\d( (paid|draft|sent|viewed))?$/, 'short, and the status as a word');
    const parts = await children(order);
    assert.ok(
      parts.every((p) => !/^(orders|contacts|payments|order_items) \d/.test(spoken(p))),
      parts.map(spoken).join(' | '),
    );

    const live = await find(demo, (n): n is Node<'live'> => n.kind === 'live');
    const lists = await children(live);
    const sentences = lists.map(spoken);
    assert.equal(new Set(sentences).size, lists.length, `each Live row its own sentence: ${sentences.join(' | ')}`);
    assert.equal(new Set(lists.map((n) => String(api.explorer.getTreeItem(n).tooltip))).size, lists.length);
    assert.ok(sentences.includes(sentences.find((s) => s.startsWith('Orders, live from Keap'))!));
  });

  it('a credential Keap refused: a warning row with Set Credential…, the same in the status bar and the notification', async () => {
    const baseUrl = await demoBaseUrl();
    const connection = await api.connections.add('Refused check', baseUrl);
    await api.connections.setCredential(connection.id, `wrong-${randomBytes(8).toString('hex')}`);
    // Capture the error notification (VS Code has no API to read one): its message and buttons.
    const shown: Array<{ message: string; items: string[] }> = [];
    const window = vscode.window as { showErrorMessage: (...args: unknown[]) => Thenable<unknown> };
    const original = window.showErrorMessage;
    let patched = true;
    try {
      window.showErrorMessage = (message: unknown, ...items: unknown[]) => {
        shown.push({ message: String(message), items: items.filter((i): i is string => typeof i === 'string') });
        return Promise.resolve(undefined);
      };
    } catch {
      patched = false; // a frozen API object: the notification is checked through unit tests (nextSteps) only
    }
    try {
      const node: ExplorerNode = { kind: 'connection', connection };
      assert.equal(await vscode.commands.executeCommand('keapVault.takeSnapshot', node), undefined, 'the snapshot failed');
      await waitFor('Keap to refuse the credential', async () => (await api.connections.problem(connection.id)) === 'refused');
      // Against the installed VSIX the extension has its own API object, which this patch does not reach.
      if (patched && !process.env.VSCODE_TEST_VSIX && window.showErrorMessage !== original) {
        const error = await waitFor('the error notification', () => shown.find((s) => /credential/.test(s.message)));
        assert.ok(!error.message.includes('keymanagement'), error.message);
        assert.deepEqual(error.items, ['Set Credential…', 'Open Log']);
      } else {
        console.log(
          '[polish] the notification could not be intercepted (a frozen or another API object): its buttons are checked by unit tests',
        );
      }

      const row = await find(undefined, (n): n is Node<'connection'> => n.kind === 'connection' && n.connection.id === connection.id);
      assert.equal(row.problem, 'refused');
      const item = api.explorer.getTreeItem(row);
      assert.ok(item.iconPath instanceof vscode.ThemeIcon && item.iconPath.id === 'warning', 'a warning icon, not a text ⚠');
      assert.equal(item.description, 'credential refused');
      assert.equal(item.command?.command, 'keapVault.setCredential');
      assert.equal(item.contextValue, 'connection.problem');
      assert.match(spoken(row), /Keap refused the credential of Refused check/);
      assert.ok(!String(item.label).includes('⚠'));
      // Under it, a list read live says the same, with the fix as its command.
      const live = await find(row, (n): n is Node<'live'> => n.kind === 'live');
      const orders = await find(live, (n): n is Node<'entity'> => n.kind === 'entity' && n.entity === 'orders');
      const [message] = await children(orders);
      assert.ok(message.kind === 'message' && message.warning, JSON.stringify(message));
      const messageItem = api.explorer.getTreeItem(message);
      assert.equal(messageItem.label, 'Credential refused: set it with Set Credential…');
      assert.equal(messageItem.command?.command, 'keapVault.setCredential');
      assert.ok(messageItem.iconPath instanceof vscode.ThemeIcon && messageItem.iconPath.id === 'warning');

      const status = await waitFor('the status bar to show the refused connection', () =>
        api.statusBar.shown?.text.includes('Refused check') ? api.statusBar.shown : undefined,
      );
      assert.equal(status.text, '$(warning) Refused check: credential refused');
      assert.equal(status.click, 'set-credential');
    } finally {
      window.showErrorMessage = original;
      await api.connections.remove(connection.id);
    }
    await waitFor('the status bar to leave the removed connection', () => !api.statusBar.shown?.text.includes('Refused check'));
  });

  it('an order opens as a readable card, with its raw JSON one click away', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const { orders } = await snapshotOrders();
    const db = await api.snapshots.db(snapshotFile);
    const paid = new Set(db.all<{ order_id: string }>('SELECT order_id FROM payments GROUP BY order_id').map((r) => r.order_id));
    const order = orders.find((n) => paid.has(n.id)) ?? orders[0];
    const record = JSON.parse(db.all<{ json: string }>('SELECT json FROM orders WHERE id = ?', [order.id])[0].json) as KeapOrder;
    const item = api.explorer.getTreeItem(order);
    assert.equal(item.command?.command, 'keapVault.openRecord');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const card = await waitFor('the order card', () => api.recordCard(order.source, order.id));
    const text = await waitFor('the card to render', () => card.renderedText);
    assert.equal(card.panel.title, `Order ${order.id} · ${order.label.replace(`#${order.id} `, '')}`);
    const name = [record.contact?.given_name, record.contact?.family_name].filter(Boolean).join(' ');
    for (const expected of [`Order ${order.id}`, name, 'Items', 'Payments', 'Show raw JSON', 'Plan a restore of this order…'])
      assert.ok(text.includes(expected), `"${expected}" in the card:\n${text}`);
    assert.match(text, /\$[\d,]+\.\d\d/, 'money formatted');
    assert.ok(!/\d{4}-\d\d-\d\dT\d\d:/.test(text), `no ISO times:\n${text}`);
    assert.ok(!/\b(PAID|DRAFT|SENT|VIEWED)\b/.test(text), 'statuses in words');
    if (paid.has(order.id)) assert.match(text, /Payment \d+/);
    await screenshot('order-card');

    // Show raw JSON: the order's document, named for it.
    const editor = await card.showJson();
    assert.equal(editor.document.languageId, 'json');
    assert.equal((JSON.parse(editor.document.getText()) as { id: string }).id, order.id);
    assert.equal(path.posix.basename(editor.document.uri.path), card.panel.title);
    // What clicking an order opened before the card (issue 15's "before" picture): its raw JSON.
    await screenshot('issue-15/order-card-before');
  });

  it('a contact opens as a card from the explorer: their orders, tags, company and what they spent', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const { snapshot } = await snapshotOrders();
    const contactsRow = await find(snapshot, (n): n is Node<'entity'> => n.kind === 'entity' && n.entity === 'contacts');
    const db = await api.snapshots.db(snapshotFile);
    const buyers = new Set(db.all<{ contact_id: string }>('SELECT contact_id FROM orders GROUP BY contact_id').map((r) => r.contact_id));
    const contact = (await children(contactsRow)).find((n): n is Node<'record'> => n.kind === 'record' && buyers.has(n.id));
    assert.ok(contact, 'a listed contact has orders');
    const item = api.explorer.getTreeItem(contact);
    assert.equal(item.command?.command, 'keapVault.openRecord');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const card = await waitFor('the contact card', () => api.recordCard(contact.source, contact.id, 'contacts'));
    const text = await waitFor('the card to render', () => card.renderedText);
    const orders = db.all<{ id: string }>('SELECT id FROM orders WHERE contact_id = ?', [contact.id]);
    for (const expected of ['Orders', 'Spent', 'Tags', 'Details', 'Show raw JSON', ...orders.map((o) => `Order #${o.id}`)])
      assert.ok(text.includes(expected), `"${expected}" in the card:\n${text}`);
    assert.match(text, /Spent\s+\$[\d,]+\.\d\d/, 'money spent, formatted');
    assert.ok(!/\d{4}-\d\d-\d\dT\d\d:/.test(text), `no ISO times:\n${text}`);
    assert.match(card.panel.title, new RegExp(`^Contact ${contact.id}`));
    const editor = await card.showJson();
    assert.equal((JSON.parse(editor.document.getText()) as { id: string }).id, contact.id);
  });

  it('an order shows its relationships in its card and in the preview of its restore (what is live, under which id)', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const { orders } = await snapshotOrders();
    const db = await api.snapshots.db(snapshotFile);
    const paid = new Set(db.all<{ order_id: string }>('SELECT order_id FROM payments GROUP BY order_id').map((r) => r.order_id));
    const order = orders.find((n) => paid.has(n.id)) ?? orders[0];
    const item = api.explorer.getTreeItem(order);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const card = await waitFor('the order card', () => api.recordCard(order.source, order.id));
    const nodes = await waitFor('the relationship graph to render', () => card.renderedNodes);
    const record = JSON.parse(db.all<{ json: string }>('SELECT json FROM orders WHERE id = ?', [order.id])[0].json) as KeapOrder;
    const count = (prefix: string) => nodes.filter((n) => n.startsWith(prefix)).length;
    assert.equal(count(`Order #${order.id}: `), 1, nodes.join('\n'));
    assert.equal(count(`Contact #${record.contact!.id}: `), 1, nodes.join('\n'));
    assert.equal(count('Item: '), db.all('SELECT 1 FROM order_items WHERE order_id = ?', [order.id]).length);
    assert.equal(count('Payment #'), db.all('SELECT 1 FROM payments WHERE order_id = ?', [order.id]).length);
    assert.ok(card.renderedText?.includes(`Relationships of order #${order.id}`));
    await screenshot('order-relationships', 'scroll=.relations');

    // The preview of a restore of this order: the graph the page is sent, with the plan's states painted as the page paints them.
    const planId = await vscode.commands.executeCommand<string | undefined>('keapVault.restoreOrder', order);
    assert.ok(planId, 'a restore of the order was planned');
    const panel = api.planPanel(planId)!;
    await panel.whenReady();
    const plan = await api.plans.read(api.plans.get(planId)!);
    const graph = await panel.relationsOf(`orders:${order.id}`);
    const painted = withPlanStates(graph, { steps: new Map(plan.steps.map((s) => [s.id, s])), identical: plan.identical, progress: {} });
    const planned = painted.nodes.filter((n) => plan.steps.some((s) => s.id === n.key));
    assert.ok(
      planned.some((n) => n.key === `orders:${order.id}`),
      'the order is in its own plan',
    );
    for (const node of planned) {
      const step = plan.steps.find((s) => s.id === node.key)!;
      // The demo account still has what the snapshot has: each record is there under its live id, or will be created.
      if (step.action === 'skip' && step.liveId) assert.equal(node.stateText, `In the account as #${step.liveId}`, node.key);
      if (step.action === 'create') assert.equal(node.stateText, 'Will be created (new id)', node.key);
    }
    // The same through the page's message path: the preview draws it (the picture for the README).
    await panel.receive({ type: 'showRelations', stepId: `orders:${order.id}` });
    await screenshot('plan-relationships', 'scroll=.relations-area');
    panel.panel.dispose();
    await api.plans.forget(planId); // the workflow tests count the Restores view's entries
  });

  it('Problems group findings under the record name, with quick fixes: plan a restore of this order, show it in the tree', async () => {
    const counts = await vscode.commands.executeCommand<{ error: number } | undefined>('keapVault.validateSnapshot', snapshotFile);
    assert.ok(counts && counts.error > 0, 'the demo has findings');
    const ours = vscode.languages
      .getDiagnostics()
      .filter(([uri, ds]) => uri.scheme === 'keap-vault' && new URLSearchParams(uri.query).get('file') === snapshotFile && ds.length);
    const [uri, diagnostics] = ours.find(([u]) => /^Order \d+/.test(path.posix.basename(u.path))) ?? [];
    assert.ok(uri && diagnostics, `an order's findings among ${ours.map(([u]) => u.path).join(', ')}`);
    assert.match(path.posix.basename(uri.path), /^Order \d+( · .+)?$/, 'the Problems panel names the record, not "137.json"');
    assert.ok(!/\.json$/.test(uri.path));
    for (const [u] of ours) assert.ok(!/\/\d+\.json$/.test(u.path), u.path);

    const doc = await vscode.workspace.openTextDocument(uri);
    await waitFor(
      'the record document to be JSON',
      () =>
        doc.languageId === 'json' ||
        vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.languageId === 'json'),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diagnostics[0].range,
    );
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Plan a restore of this order'), titles.join(', '));
    assert.ok(titles.includes('Show in Accounts view'), titles.join(', '));

    const reveal = actions.find((a) => a.title === 'Show in Accounts view')!.command!;
    const revealed = await vscode.commands.executeCommand<ExplorerNode | undefined>(reveal.command, ...(reveal.arguments ?? []));
    const orderId = new URLSearchParams(uri.query).get('id');
    assert.ok(revealed?.kind === 'record' && revealed.id === orderId, `revealed ${JSON.stringify(revealed)}`);

    const plan = actions.find((a) => a.title === 'Plan a restore of this order')!.command!;
    const planId = await vscode.commands.executeCommand<string | undefined>(plan.command, ...(plan.arguments ?? []));
    assert.ok(planId, 'the quick fix planned a restore');
    const entry = api.plans.get(planId)!;
    assert.ok((await api.plans.read(entry)).steps.some((s) => s.id === `orders:${orderId}`));
    const panel = api.planPanel(planId);
    await panel?.whenReady();
    panel?.panel.dispose();
    await api.plans.forget(planId); // the workflow tests count the Restores view's entries
  });

  it('the walkthrough marks done what the user already did, from what exists', async () => {
    for (const key of ['keapVault.hasConnection', 'keapVault.hasSnapshots', 'keapVault.validated', 'keapVault.planned'])
      await vscode.commands.executeCommand('setContext', key, false);
    // What activation does: connections, snapshots and a remembered validation and plan set every step.
    const done = await api.walkthrough.update();
    assert.deepEqual(done, { connected: true, snapshot: true, validated: true, planned: true });
  });

  it('has a Marketplace icon, a view named for what it shows, titles a user would search for, and grouped settings', () => {
    assert.equal(manifest.icon, 'media/icon.png');
    const png = fs.readFileSync(path.join(ROOT, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.ok(width === height && (width === 128 || width === 256), `${width}×${height}`);
    const views = Object.values(manifest.contributes.views).flat();
    assert.equal(views.find((v) => v.id === 'keapVault.explorer')?.name, 'Accounts');
    assert.ok(!manifest.contributes.commands.some((c) => /in the preview/i.test(c.title)));
    const sections = manifest.contributes.configuration;
    assert.ok(Array.isArray(sections) && sections.length >= 3, 'settings grouped into sections');
    for (const section of sections) for (const [key, p] of Object.entries(section.properties)) assert.ok(p.order, `${key} has an order`);
    const quota = sections.flatMap((s) => Object.values(s.properties)).map((p) => p.markdownDescription ?? '');
    assert.equal(quota.filter((d) => d.includes('OAuth app')).length, 1, 'the quota explanation is said once');
  });
});
