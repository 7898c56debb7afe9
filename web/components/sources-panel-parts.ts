/** What the Sources panel shows once an answer is in: one chunk, loaded at idle (`sources-panel-lazy.tsx`). */
export { AnswerSourceList } from './answer-source-list.js';
export { SectionView } from './section-view.js';
