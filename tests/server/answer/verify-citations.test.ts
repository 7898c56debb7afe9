import { describe, expect, it } from 'vitest';
import { createCitationFilter, sanitizeCitations } from '../../../server/answer/verify-citations.js';

function streamThrough(chunks: string[], passageCount: number) {
  const filter = createCitationFilter(passageCount);
  const emitted = chunks.map((chunk) => filter.push(chunk));
  emitted.push(filter.flush());
  return { emitted, text: emitted.join(''), removed: filter.removed };
}

describe('citation verification while streaming', () => {
  it('keeps markers inside the passages and drops the ones outside, counting them', () => {
    expect(sanitizeCitations('A [1]. B [4]. C [2, 9]. D [1][3].', 3)).toEqual({
      text: 'A [1]. B . C [2]. D [1][3].',
      removed: 2,
    });
  });

  it('normalises full-width markers that Chinese output often uses', () => {
    expect(sanitizeCitations('上线【1】，回滚［2］、评测【1、5】', 2)).toEqual({
      text: '上线[1]，回滚[2]、评测[1]',
      removed: 1,
    });
  });

  it('holds back a marker split across chunks until it is complete', () => {
    const { emitted, text, removed } = streamThrough(['对齐目标 [', '1', '2]，再评测 [2', ']。'], 3);

    expect(text).toBe('对齐目标 ，再评测 [2]。');
    expect(removed).toBe(1);
    expect(emitted.join('|')).not.toContain('12');
  });

  it('releases a bracket that never becomes a marker', () => {
    expect(streamThrough(['见 [注意', '] 和 [', 'x]'], 3).text).toBe('见 [注意] 和 [x]');
    expect(streamThrough(['结尾 [1'], 3).text).toBe('结尾 [1');
  });
});
