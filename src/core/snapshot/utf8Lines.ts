/**
 * Texts as UTF-8 lines in one buffer, each text encoded straight into its place. Joining the texts
 * into one string first, then encoding it, cost about three times as much for Keap's JSON with
 * accented names in it: V8 joins into a two-byte string, and encoding that copies it once more.
 * Measured on pages of 1,000 orders (2026-12-02, 2 cores, other work beside it): 41.8 ms a page
 * joined then encoded, 14.3 ms encoded in place; a journal page and a record block are built so.
 */
export function utf8Lines(texts: readonly string[], finalNewline = true): Buffer {
  let units = 0;
  for (const text of texts) units += text.length + 1;
  // A UTF-16 unit never takes more than 3 bytes of UTF-8 (a surrogate pair, 2 units, takes 4).
  const bytes = Buffer.allocUnsafe(units * 3);
  let at = 0;
  texts.forEach((text, i) => {
    at += bytes.write(text, at);
    if (finalNewline || i < texts.length - 1) bytes[at++] = 0x0a;
  });
  return bytes.subarray(0, at);
}
