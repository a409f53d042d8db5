/** Printing for the CLI: plain aligned text for people, `--json` for machines, errors on stderr. */
import { KeapVaultError } from '../core/errors';

/** The command line asked for something that cannot be done as asked: exit 2, with what to type instead. */
export class UsageError extends KeapVaultError<'usage'> {
  readonly kind = 'usage';
}

/** The command did its job and found problems (e.g. validation errors): exit 1, already reported. */
export class FindingsFound extends Error {
  constructor(readonly count: number) {
    super(`${count} problem(s) found`);
  }
}

/**
 * An apply stopped between steps rather than wait for Keap's quota longer than `--max-wait`: exit
 * 75 (EX_TEMPFAIL, "try again later"), already reported, continued by `apply --resume`.
 */
export class ApplyStoppedForQuota extends Error {
  constructor(readonly resumeAt: Date) {
    super(`stopped for Keap's quota until ${resumeAt.toISOString()}`);
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
/** An apply stopped for the quota by --max-wait; `apply --resume` continues it (sysexits' EX_TEMPFAIL). */
export const EXIT_PAUSED = 75;

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
  const clean = (v: string | number | undefined) =>
    String(v ?? '')
      .replace(/[\r\n\t]+/g, ' ')
      // eslint-disable-next-line no-control-regex -- control characters are what this strips, so they cannot reach the terminal
      .replace(/[\u0000-\u001f\u007f]/g, '');
  const cells = [headers, ...rows.map((r) => r.map(clean))];
  const widths = headers.map((_, i) => Math.min(40, Math.max(...cells.map((r) => displayWidth(r[i] ?? '')))));
  const fit = (text: string, w: number) => {
    let out = '';
    let used = 0;
    for (const ch of text) {
      const cw = displayWidth(ch);
      if (used + cw > w - (displayWidth(text) > w ? 1 : 0)) return out + '…' + ' '.repeat(Math.max(0, w - used - 1));
      out += ch;
      used += cw;
    }
    return out + ' '.repeat(w - used);
  };
  for (const row of cells)
    io.out(
      row
        .map((c, i) => fit(c ?? '', widths[i]))
        .join('  ')
        .trimEnd(),
    );
}

/** Terminal columns a text takes: East Asian wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1f300 && cp <= 0x1faff) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/** "1 page", "2 pages", "1,204 records": a count with its noun, for sentences people read. */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : plural}`;
}
