import { describe, expect, test } from 'vitest';
import {
  citationNumberOf,
  linkifyCitationMarkers,
  linkifyWithSentences,
  sentencesCiting,
} from '../../../web/lib/citation-markers.js';

const valid = new Set([1, 2, 3]);

describe('citation markers in answer Markdown', () => {
  test('known markers become #cite links, unknown ones escaped text', () => {
    expect(linkifyCitationMarkers('A [1]. B [9].', valid)).toBe('A [1](#cite-1 "0"). B \\[9\\].');
  });

  test('adjacent, comma-separated and full-width-comma lists split into one link each', () => {
    expect(linkifyCitationMarkers('x [1][2] y [1, 3] z [2，3]', valid)).toBe(
      'x [1](#cite-1 "0")[2](#cite-2 "1") y [1](#cite-1 "2")[3](#cite-3 "3") z [2](#cite-2 "4")[3](#cite-3 "5")',
    );
  });

  test('a run repeating one number shows it once', () => {
    expect(linkifyCitationMarkers('x [1][1] y [1, 1, 2]', valid)).toBe(
      'x [1](#cite-1 "0") y [1](#cite-1 "1")[2](#cite-2 "2")',
    );
  });

  test('each link knows the sentence it follows', () => {
    const { sentences } = linkifyWithSentences(
      '- 需求量：**最高** [1]。\n- 平台偏技术。[2] Then it grows [1].',
      valid,
    );
    expect(sentences).toEqual(['需求量：最高', '平台偏技术', 'Then it grows']);
  });

  test('real links, reference definitions and code are left alone', () => {
    const markdown =
      'see [1](https://example.com) and `arr[1]`\n\n```\nlist[2]\n```\n[3]: https://example.com';
    expect(linkifyCitationMarkers(markdown, valid)).toBe(markdown);
  });

  test('only #cite-<n> hrefs name a citation', () => {
    expect(citationNumberOf('#cite-4')).toBe(4);
    expect(citationNumberOf('#cite-x')).toBeUndefined();
    expect(citationNumberOf('https://example.com/#cite-1')).toBeUndefined();
    expect(citationNumberOf(undefined)).toBeUndefined();
  });

  test('the sentences carrying a marker are found without their markers', () => {
    const answer = '酸面包订单最多 [1]。起酥偏手艺 [2]。装饰看审美 [1, 3]。';
    expect(sentencesCiting(answer, 1)).toEqual(['酸面包订单最多 。', '装饰看审美 。']);
    expect(sentencesCiting(answer, 12)).toEqual([]);
  });
});
