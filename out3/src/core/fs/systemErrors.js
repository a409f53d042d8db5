"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.describeSystemError = describeSystemError;
exports.withPath = withPath;
/**
 * Node's file and network errors as sentences a user can act on. Node says "EISDIR: illegal
 * operation on a directory, read"; a person needs to hear which path is a folder and what to give
 * instead. Undefined for anything that is not such an error.
 */
function describeSystemError(err) {
    const e = err;
    if (!e || typeof e.code !== 'string' || typeof e.syscall !== 'string')
        return undefined;
    const where = e.path ?? e.dest;
    const at = where ? ` ${where}` : '';
    switch (e.code) {
        case 'ENOENT':
            return `There is no file or folder${at}.`;
        case 'EISDIR':
            return `${where ?? 'That'} is a folder; a file is needed here.`;
        case 'ENOTDIR':
            return `${where ?? 'A part of that path'} is not a folder: a file stands where a folder is needed.`;
        case 'EEXIST':
            return `${where ?? 'That'} already exists${e.syscall === 'mkdir' ? ' and is not a folder' : ''}; choose another place.`;
        case 'EACCES':
        case 'EPERM':
            return `Keap Vault may not ${e.syscall === 'open' || e.syscall === 'read' ? 'use' : 'change'}${at || ' that'}: check its permissions.`;
        case 'EROFS':
            return `${where ?? 'That place'} is on a read-only disk; choose another place.`;
        case 'ENOSPC':
            return `The disk is full${where ? ` (writing ${where})` : ''}; free some space and run it again.`;
        case 'EMFILE':
        case 'ENFILE':
            return 'Too many files are open on this machine; close some programs and run it again.';
        case 'EADDRINUSE':
            return `Port ${e.port ?? '?'}${e.address ? ` on ${e.address}` : ''} is taken by another program; choose another port.`;
        case 'EADDRNOTAVAIL':
            return `This machine has no address${e.address ? ` ${e.address}` : ''}; choose another host.`;
        default:
            return undefined;
    }
}
/** Some of Node's errors do not say which path they are about (reading a folder as a file): add it. */
function withPath(err, path) {
    const e = err;
    if (e && typeof e.code === 'string' && e.path === undefined)
        e.path = path;
    return err;
}
//# sourceMappingURL=systemErrors.js.map