/**
 * English words for what the server tells the reader about its own state and understanding: how a follow-up
 * was understood, the other editions of a section, an index still warming, an answer cut at the length limit.
 */
export const readerEn = {
  'understood.answering': 'Answering:',
  'understood.edit': 'Edit this question',
  'edition.label': 'Read this section in',
  'mode.warming': 'Guide warming up…',
  'mode.warmingTitle': 'The server is still loading the guide; answers can be asked in a few seconds.',
  'badge.truncatedTitle':
    'The answer reached the length limit and was cut there; what is shown is still checked against its citations.',
};
