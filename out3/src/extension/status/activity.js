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
Object.defineProperty(exports, "__esModule", { value: true });
exports.Activity = void 0;
/**
 * Work running against an account that the user started and may be waiting for (a snapshot, a
 * live read for a plan or a compare), so the status bar can say so while its notification is
 * hidden. One list for every command, kept by the composition root.
 */
const vscode = __importStar(require("vscode"));
class Activity {
    running = new Set();
    changed = new vscode.EventEmitter();
    onDidChange = this.changed.event;
    list() {
        return [...this.running];
    }
    /** Shows `what` while `work` runs; returns its result (or failure) unchanged. */
    async track(connectionId, what, work) {
        const entry = { connectionId, what };
        this.running.add(entry);
        this.changed.fire();
        try {
            return await work();
        }
        finally {
            this.running.delete(entry);
            this.changed.fire();
        }
    }
    dispose() {
        this.changed.dispose();
    }
}
exports.Activity = Activity;
//# sourceMappingURL=activity.js.map