"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isCardMessage = isCardMessage;
function isCardMessage(value) {
    const m = value;
    switch (m?.type) {
        case 'ready':
        case 'json':
        case 'restore':
        case 'reveal':
            return true;
        case 'open':
            return typeof m.link?.entity === 'string' && typeof m.link.id === 'string';
        case 'rendered':
            return (typeof m.text === 'string' && (m.nodes === undefined || (Array.isArray(m.nodes) && m.nodes.every((n) => typeof n === 'string'))));
        default:
            return false;
    }
}
//# sourceMappingURL=cardProtocol.js.map