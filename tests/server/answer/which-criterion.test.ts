import { describe, expect, it } from 'vitest';
import { answerLeads, type LeadEvidence } from '../../../server/answer/answer-lead.js';
import type { TextUnit } from '../../../server/answer/markdown-units.js';
import { questionForm } from '../../../server/answer/question-form.js';

/** One sibling section of an invented bike guide, quoting one bullet, as the evidence step hands it over. */
function sibling(bike: string, bullet: string, score: number): LeadEvidence {
  const unit: TextUnit = { kind: 'bullet', start: 2, end: 2 + bullet.length, plain: bullet };
  return {
    result: {
      id: `bikes#${bike}`,
      docId: 'bikes',
      docTitle: 'Bike guide',
      headings: ['Bike guide', 'Bikes', bike, 'Who it suits'],
      anchor: bike,
      text: `* ${bullet}`,
      score,
    },
    aspect: true,
    units: [unit],
    allUnits: [unit],
    strongest: unit,
  };
}

function leadSubjects(question: string, evidence: LeadEvidence[]): Array<string | null> {
  return answerLeads(questionForm(question), question, evidence).map((lead) => lead.subject);
}

describe('a "which is most …" question answered by several siblings', () => {
  it('leads with the siblings said to have the quality, before the one that only shares the words', () => {
    const evidence = [
      sibling('Road Bike', 'Tiring for beginners who commute; a high bar', 1.0),
      sibling('Folding Bike', 'Friendly to beginners and easy to carry', 0.9),
      sibling('Mountain Bike', 'Fairly friendly to beginners', 0.8),
    ];

    expect(leadSubjects('Which bike is the most friendly for a beginner?', evidence)).toEqual([
      'Folding Bike',
      'Mountain Bike',
      'Road Bike',
    ]);
  });

  it('does not count a negated quality as stated', () => {
    const evidence = [
      sibling('城市车', '新手通勤很累', 1.0),
      sibling('山地车', '对新手不算友好', 0.95),
      sibling('折叠车', '对新手非常友好', 0.9),
    ];

    expect(leadSubjects('新手选哪种车最友好？', evidence)).toEqual(['折叠车', '城市车', '山地车']);
  });

  it('reads a one-character Chinese quality with its 最, and an English -est back to its base', () => {
    expect(questionForm('哪种车需求量最高？')).toEqual({ kind: 'which', criterion: '最高' });
    expect(questionForm('Which bike is the easiest to repair?')).toEqual({
      kind: 'which',
      criterion: 'easy',
    });
    expect(questionForm('Which bike suits a small flat?')).toEqual({ kind: 'which', criterion: null });
  });

  it('keeps the ranking when the question names no quality', () => {
    const evidence = [
      sibling('Road Bike', 'Fast on tarmac', 1.0),
      sibling('Folding Bike', 'Fits a flat', 0.9),
    ];

    expect(leadSubjects('Which bike suits a small flat?', evidence)).toEqual(['Road Bike', 'Folding Bike']);
  });
});
