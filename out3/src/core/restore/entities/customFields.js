"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.customFields = void 0;
const payloads_1 = require("../payloads");
const planContext_1 = require("../planContext");
function customFieldPayload(field) {
    return {
        label: field.label,
        field_type: field.field_type ?? 'TEXT',
        ...(field.options?.length ? { options: field.options.map((o) => ({ label: o.label })) } : {}),
    };
}
exports.customFields = {
    entity: 'custom_fields',
    planAll(ctx) {
        for (const row of ctx.snap.rows('custom_fields')) {
            const f = JSON.parse(row.json);
            if (f.label !== payloads_1.MARKER_LABEL && ctx.isSelected('custom_fields', f.id))
                ctx.resolve('custom_fields', f.id);
        }
    },
    planReference(ctx, oldId) {
        return oldId.startsWith('marker:') ? markerField(ctx, oldId.slice('marker:'.length)) : undefined;
    },
    plan(ctx, record, pulledIn) {
        const field = record;
        const liveId = ctx.live.byNaturalKeyOf('custom_fields', record);
        const label = `Custom field ${(0, planContext_1.quote)(field.label)} (${String(field.record_type).toLowerCase()})`;
        if (liveId) {
            ctx.dependOnLive('custom_fields', liveId);
            return ctx.addStep({
                entity: 'custom_fields',
                oldId: field.id,
                liveId,
                action: 'skip',
                reason: liveId === field.id ? 'identical' : 'matched-by-key',
                detail: `${label}: in the account`,
                label,
                pulledIn,
            }, liveId);
        }
        return ctx.addStep({
            entity: 'custom_fields',
            oldId: field.id,
            action: 'create',
            reason: 'missing-in-live',
            detail: `${label}: not in the account, create it`,
            label,
            pulledIn,
            recordType: field.record_type,
            payload: customFieldPayload(field),
        });
    },
    async create(ctx, step, { body }) {
        const field = await ctx.client.customFields.create(step.recordType, body);
        if (step.oldId.startsWith('marker:') && field.field_name)
            ctx.noteMarkerFieldName(step.recordType, field.field_name);
        return { id: field.id, sent: true };
    },
    async find(ctx, step, { body }) {
        const model = await ctx.client.customFields.model(step.recordType);
        const field = model.custom_fields.find((f) => f.label === body.label);
        if (field && step.oldId.startsWith('marker:') && field.field_name)
            ctx.noteMarkerFieldName(step.recordType, field.field_name);
        return field?.id;
    },
};
/** The custom field that marks restored records: created as a visible step when the account lacks it. */
function markerField(ctx, recordType) {
    const liveId = ctx.live.markerFieldIds.get(recordType);
    if (liveId) {
        // A step of its own (not a bare live reference): the records written carry `marker:TYPE` in
        // their references, and apply finds the field's live id through this step.
        ctx.dependOnLive('custom_fields', liveId);
        return ctx.addStep({
            entity: 'custom_fields',
            oldId: `marker:${recordType}`,
            liveId,
            action: 'skip',
            reason: 'restored-earlier',
            recordType,
            label: `${payloads_1.MARKER_LABEL} (${recordType.toLowerCase()})`,
            detail: `The custom field "${payloads_1.MARKER_LABEL}" on ${recordType.toLowerCase()}s is in the account (field ${liveId}): restored records are marked there`,
        }, liveId);
    }
    return ctx.addStep({
        entity: 'custom_fields',
        oldId: `marker:${recordType}`,
        action: 'create',
        reason: 'marker-field-missing',
        recordType,
        label: `${payloads_1.MARKER_LABEL} (${recordType.toLowerCase()})`,
        detail: `Create the text custom field "${payloads_1.MARKER_LABEL}" on ${recordType.toLowerCase()}s: restored records carry their id from the snapshot there, so a re-run or a resume recognises them`,
        payload: { label: payloads_1.MARKER_LABEL, field_type: 'TEXT' },
    });
}
//# sourceMappingURL=customFields.js.map