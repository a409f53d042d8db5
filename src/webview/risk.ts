/**
 * The risk callout above Apply, for the selected writes: what Keap will do on its own because of them
 * (receipts, automations, invoices), said once per effect with how many records set it off, and what
 * cannot be undone. Nothing when nothing is selected.
 */
import { codicon, h, type Child } from './dom';
import { countOf, ENTITY_IMPORTANCE } from './labels';
import type { PlanStepView, RestoreEntity } from './protocol';

export function riskContent(selected: PlanStepView[]): Child[] {
  if (!selected.length) return [];
  // Per effect, how many records of each kind set it off.
  const effects = new Map<string, Partial<Record<RestoreEntity, number>>>();
  for (const step of selected)
    for (const effect of step.sideEffects ?? []) {
      const counts = effects.get(effect) ?? {};
      counts[step.entity] = (counts[step.entity] ?? 0) + 1;
      effects.set(effect, counts);
    }
  const creates = (entity: RestoreEntity) => selected.filter((s) => s.entity === entity && s.action === 'create').length;
  const payments = creates('payments');
  const orders = creates('orders');
  const created = selected.filter((s) => s.action === 'create').length;
  const permanent = [
    payments ? `Keap cannot delete a payment: the ${countOf(payments, 'payments')} recorded stay in the account.` : '',
    orders
      ? `Restored orders get new order ids and invoice numbers: ${orders === 1 ? 'the order comes' : 'they come'} back under new numbers.`
      : '',
    created && !orders ? 'Restored records get new ids.' : '',
    created ? 'After Apply, "Export id map" lists every old id with its new one.' : '',
  ].filter(Boolean);
  const byKind = (counts: Partial<Record<RestoreEntity, number>>) =>
    ENTITY_IMPORTANCE.filter((e) => counts[e])
      .map((e) => countOf(counts[e]!, e))
      .join(', ');
  return [
    h('h2', { attrs: { id: 'risk-title' } }, codicon('warning'), ' Before you apply'),
    effects.size
      ? h(
          'div',
          { className: 'risk-part side-effects' },
          h('h3', {}, 'Keap will act on its own'),
          h('ul', {}, ...[...effects].map(([effect, counts]) => h('li', {}, h('strong', {}, `${byKind(counts)}: `), effect))),
        )
      : null,
    permanent.length
      ? h(
          'div',
          { className: 'risk-part permanent' },
          h('h3', {}, 'What cannot be undone'),
          h('ul', {}, ...permanent.map((p) => h('li', {}, p))),
        )
      : null,
  ];
}
