/**
 * A file's syntax errors in file order, at most 50 of them: past that, one more line per error
 * helps nobody (the file is probably not the format it claims), and a file of garbage must not
 * fill memory with them. The first 50 by position are kept, however they arrive; the last one says
 * how many more there were.
 */
import type { SourceSyntaxError } from './sourceRecords';

export const MAX_SYNTAX_ERRORS = 50;

export class SyntaxErrorList {
  private readonly kept: SourceSyntaxError[] = [];
  private total = 0;

  add(error: SourceSyntaxError): void {
    this.total++;
    const kept = this.kept;
    const last = kept[kept.length - 1];
    if (kept.length === MAX_SYNTAX_ERRORS && last && compare(error, last) >= 0) return;
    // After the last one at the same spot: errors at one place keep the order they came in.
    let i = kept.length;
    while (i > 0 && compare(error, kept[i - 1]) < 0) i--;
    kept.splice(i, 0, error);
    if (kept.length > MAX_SYNTAX_ERRORS) kept.pop();
  }

  list(): SourceSyntaxError[] {
    const more = this.total - this.kept.length;
    if (!more) return [...this.kept];
    const list = [...this.kept];
    const last = list[list.length - 1];
    list[list.length - 1] = { ...last, message: `${last.message} (and ${more} more syntax errors after this one)` };
    return list;
  }
}

function compare(a: SourceSyntaxError, b: SourceSyntaxError): number {
  return a.position.line - b.position.line || a.position.column - b.position.column;
}
