"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.duplicateId = void 0;
const fileRule_1 = require("../fileRule");
exports.duplicateId = {
    id: 'file/duplicate-id',
    severity: 'error',
    title: 'The same record id twice in the file',
    explanation: 'An id names exactly one record. Two records with the same id in one file are either the same record twice (importing both ' +
        'creates a duplicate: two orders, two payments) or two different records of which one carries the wrong id, so anything keyed ' +
        'on it can land on the wrong one. This usually comes from merging or copy-pasting exports. Keep one record per id: delete the ' +
        'copy, or remove the id from the record that is meant to be new.',
    // The validator notes each id's first line as records come (FileIds), so this holds nothing itself.
    start: () => ({
        check: (records) => records.flatMap((record) => record.id === undefined || record.firstLine === undefined
            ? []
            : [
                (0, fileRule_1.findingAt)(record, 'id', `${(0, fileRule_1.describeRecord)(record)} is in the file twice: it is first at line ${record.firstLine}`, [
                    { entity: record.entity, id: record.id },
                ]),
            ]),
    }),
};
//# sourceMappingURL=duplicateId.js.map