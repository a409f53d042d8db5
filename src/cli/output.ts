/** Printing for the CLI: plain aligned text for people, `--json` for machines, errors on stderr. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
};

export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** A left-aligned table; cells are made single-line so data cannot break the layout. */
export function printTable(io: Io, headers: string[], rows: Array<Array<string | number | undefined>>): void {
  const clean = (v: string | number | undefined) => String(v ?? '').replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
  const cells = [headers, ...rows.map((r) => r.map(clean))];
  const widths = headers.map((_, i) => Math.min(40, Math.max(...cells.map((r) => [...(r[i] ?? '')].length))));
  const fit = (text: string, w: number) => {
    const chars = [...text];
    return chars.length > w ? chars.slice(0, w - 1).join('') + '…' : text + ' '.repeat(w - chars.length);
  };
  for (const row of cells) io.out(row.map((c, i) => fit(c ?? '', widths[i])).join('  ').trimEnd());
}
