"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.COMMANDS = void 0;
/**
 * The ids of every command the extension contributes (package.json `contributes.commands`). Register,
 * execute and attach commands through these names, never through a bare 'keapVault.…' string: a
 * misspelt name is then a compile error. test/unit/extension/commandIds.test.ts checks that this list
 * and package.json declare the same commands and that no other 'keapVault.…' string in src/ is a
 * command id in disguise.
 *
 * No 'vscode' import, so that the unit test loads it in plain Node.
 */
exports.COMMANDS = {
    // Connections
    addConnection: 'keapVault.addConnection',
    editConnection: 'keapVault.editConnection',
    setCredential: 'keapVault.setCredential',
    clearCredential: 'keapVault.clearCredential',
    removeConnection: 'keapVault.removeConnection',
    tryDemo: 'keapVault.tryDemo',
    startDemoEmulator: 'keapVault.startDemoEmulator',
    // Snapshots and the explorer
    takeSnapshot: 'keapVault.takeSnapshot',
    takeIncrementalSnapshot: 'keapVault.takeIncrementalSnapshot',
    compareSnapshots: 'keapVault.compareSnapshots',
    compareWithLive: 'keapVault.compareWithLive',
    validateSnapshot: 'keapVault.validateSnapshot',
    validateCurrentFile: 'keapVault.validateCurrentFile',
    exportSnapshot: 'keapVault.exportSnapshot',
    deleteSnapshot: 'keapVault.deleteSnapshot',
    goToOrder: 'keapVault.goToOrder',
    setSnapshotKey: 'keapVault.setSnapshotKey',
    refresh: 'keapVault.refresh',
    openRecord: 'keapVault.openRecord',
    loadMore: 'keapVault.loadMore',
    copyId: 'keapVault.copyId',
    revealRecord: 'keapVault.revealRecord',
    showRecordJson: 'keapVault.showRecordJson',
    // Restore
    planRestore: 'keapVault.planRestore',
    restoreOrder: 'keapVault.restoreOrder',
    openPlan: 'keapVault.openPlan',
    applyPlan: 'keapVault.applyPlan',
    exportIdMap: 'keapVault.exportIdMap',
    openRestore: 'keapVault.openRestore',
    forgetRestore: 'keapVault.forgetRestore',
    // Keap ids in the workspace
    replaceAllRemappedIds: 'keapVault.replaceAllRemappedIds',
    rescanWorkspaceIds: 'keapVault.rescanWorkspaceIds',
    lookUpIdLive: 'keapVault.lookUpIdLive',
    openDemoIntegration: 'keapVault.openDemoIntegration',
    simulateDemoLoss: 'keapVault.simulateDemoLoss',
};
//# sourceMappingURL=commandIds.js.map