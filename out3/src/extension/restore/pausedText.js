"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pausedText = pausedText;
function pausedText(pause, timeZone) {
    const at = new Date(pause.until);
    const seconds = at.getUTCSeconds() !== 0; // an emulator's short day; Keap's resets on the minute
    const time = new Intl.DateTimeFormat('en-GB', {
        hour: '2-digit',
        minute: '2-digit',
        ...(seconds ? { second: '2-digit' } : {}),
        hour12: false,
        timeZone,
    }).format(at);
    return `paused until ${time}, ${pause.stepsLeft.toLocaleString('en-US')} step${pause.stepsLeft === 1 ? '' : 's'} left`;
}
//# sourceMappingURL=pausedText.js.map