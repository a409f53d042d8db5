"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fileSyntax = void 0;
exports.fileSyntax = {
    id: 'file/syntax',
    severity: 'error',
    title: 'The file cannot be read at this point',
    explanation: 'The file is not valid JSON, NDJSON or CSV here, so the record around this point cannot be read and is not checked; an import ' +
        'tool would reject the file or, worse, read it differently. Typical causes are a missing comma or bracket, a JSON line cut short, ' +
        'or a CSV quote that is never closed (a quote inside a quoted CSV field must be doubled: ""), or bytes that are not UTF-8 (a file ' +
        'saved as Latin-1 or Windows-1252: accented letters turn into replacement characters on import). Fix the syntax, or save the ' +
        'file as UTF-8, and check again.',
    start: () => ({
        check: () => [],
        finish: ({ syntaxErrors, fileEntity }) => syntaxErrors.map((e) => ({
            entity: e.entity ?? fileEntity,
            recordId: e.index !== undefined ? `#${e.index}` : `${e.position.line}:${e.position.column}`,
            message: e.message,
            related: [],
            position: e.position,
        })),
    }),
};
//# sourceMappingURL=fileSyntax.js.map