"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SyntaxErrorList = exports.MAX_SYNTAX_ERRORS = void 0;
exports.MAX_SYNTAX_ERRORS = 50;
class SyntaxErrorList {
    kept = [];
    total = 0;
    add(error) {
        this.total++;
        const kept = this.kept;
        const last = kept[kept.length - 1];
        if (kept.length === exports.MAX_SYNTAX_ERRORS && last && compare(error, last) >= 0)
            return;
        // After the last one at the same spot: errors at one place keep the order they came in.
        let i = kept.length;
        while (i > 0 && compare(error, kept[i - 1]) < 0)
            i--;
        kept.splice(i, 0, error);
        if (kept.length > exports.MAX_SYNTAX_ERRORS)
            kept.pop();
    }
    list() {
        const more = this.total - this.kept.length;
        if (!more)
            return [...this.kept];
        const list = [...this.kept];
        const last = list[list.length - 1];
        list[list.length - 1] = { ...last, message: `${last.message} (and ${more} more syntax errors after this one)` };
        return list;
    }
}
exports.SyntaxErrorList = SyntaxErrorList;
function compare(a, b) {
    return a.position.line - b.position.line || a.position.column - b.position.column;
}
//# sourceMappingURL=syntaxErrorList.js.map