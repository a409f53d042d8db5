import assert from 'node:assert/strict';
import { utf8Lines } from '../../../src/core/snapshot/utf8Lines';

describe('Texts as UTF-8 lines, encoded in place', () => {
  const texts = [
    '{"id":1,"given_name":"Ann"}',
    '{"given_name":"José Müller","note":"naïve café"}',
    '{"emoji":"📦🧾","cjk":"注文"}',
    '',
    'a lone surrogate \ud800 and its pair \udc00 apart',
    '"quotes" and \\ backslashes',
  ];

  it('are byte for byte what joining and encoding gave, every line ended', () => {
    assert.deepEqual(utf8Lines(texts), Buffer.from(texts.join('\n') + '\n'));
  });

  it('without a final newline, are a record block as it always was', () => {
    assert.deepEqual(utf8Lines(texts, false), Buffer.from(texts.join('\n')));
  });

  it('of no text, are empty', () => {
    assert.equal(utf8Lines([]).length, 0);
    assert.equal(utf8Lines([], false).length, 0);
  });

  it('never run out of room, however wide the characters', () => {
    const wide = ['€'.repeat(5000), '𝄞'.repeat(3000), '\ud800'.repeat(2000)];
    assert.deepEqual(utf8Lines(wide), Buffer.from(wide.join('\n') + '\n'));
  });
});
