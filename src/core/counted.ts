/**
 * "1 page", "2 pages", "1,204 records": a count with its noun, for sentences people read. The one
 * place a message's plural is chosen, in the core's messages and the CLI's alike.
 */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : plural}`;
}
