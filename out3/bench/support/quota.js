"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.windowsOf = windowsOf;
function windowsOf(quota) {
    const windows = [];
    if (quota.perSecond)
        windows.push({ limit: quota.perSecond, windowMs: 1000 });
    if (quota.perMinute)
        windows.push({ limit: quota.perMinute, windowMs: 60_000 });
    if (quota.perDay)
        windows.push({ limit: quota.perDay, windowMs: quota.dayMs ?? 86_400_000 });
    return windows;
}
//# sourceMappingURL=quota.js.map