/**
 * The words VS Code shows for an apply paused until Keap's daily quota resets (the status bar, the
 * Restores view, the log): "paused until 00:00, 73,412 steps left", in the user's time zone.
 * No vscode import, so unit tests check it.
 */
export interface ApplyPause {
  /** ISO time the quota allows requests again. */
  until: string;
  stepsLeft: number;
}

export function pausedText(pause: ApplyPause, timeZone?: string): string {
  const at = new Date(pause.until);
  const seconds = at.getUTCSeconds() !== 0; // an emulator's short day; Keap's resets on the minute
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hour12: false,
    timeZone,
  }).format(at);
  return `paused until ${time}, ${pause.stepsLeft.toLocaleString('en-US')} step${pause.stepsLeft === 1 ? '' : 's'} left`;
}
