import { adminEn } from './admin-en.js';
import { guideEn } from './guide-en.js';
import { readerEn } from './reader-en.js';

/**
 * English UI words. Keys are grouped by the part of the UI that shows them; `zh.ts` must hold the same keys
 * (`satisfies Messages` there fails the typecheck when one is missing). `{name}` marks a variable.
 */
export const en = {
  ...adminEn,
  ...guideEn,
  ...readerEn,
  'app.skipToChat': 'Skip to the conversation',
  'app.language': 'Language',
  'app.languageName': 'English',
  'app.brand': 'AIPM Guide',
  'app.switchLanguage': 'Switch language to {language}',
  'app.chat': 'Chat',
  'app.close': 'Close',
  'app.history': 'History',
  'app.newChat': 'New chat',

  'mode.checking': 'Checking server…',
  'mode.unreachable': 'Server unreachable',
  'mode.checkAgain': 'Check again',
  'mode.corpus': '{docs} documents, {chunks} sections indexed',
  'mode.llm': 'LLM mode · {model}',
  'mode.llmTitle': 'Answers are written by {model}. {corpus}.',
  'mode.search': 'Search mode — no LLM configured',
  'mode.searchTitle': 'Answers are extracted from the guide by search. {corpus}.',
  'mode.unknownModel': 'unknown model',
  'mode.degraded': 'Model unavailable — answering by search',
  'mode.degradedTitle': 'The last {count} answers fell back to search because the model failed.',

  'conversations.title': 'Conversations',
  'conversations.empty': 'Your conversations are kept in this browser.',
  'conversations.delete': 'Delete conversation: {title}',

  'starters.label': 'Starter questions',
  'starters.heading': 'Ask about AI product-manager careers',
  'starters.intro': 'Answers come from the guide, and every claim cites the section it is based on.',

  'composer.label': 'Ask a question',
  'composer.placeholder': 'Ask about AI PM roles, skills, careers…',
  'composer.hint': 'Enter to send · Shift+Enter for a new line · / or Ctrl+K to focus',
  'composer.send': 'Send',
  'composer.stop': 'Stop',

  'turn.question': 'Question',
  'turn.questionHeading': 'Question {n}',
  'turn.answer': 'Answer',
  'turn.answerHeading': 'Answer {n}',

  'answer.searching': 'Searching…',
  'answer.stopped': 'Stopped — incomplete',
  'answer.removed': '{count} citation markers pointing to no source were removed from this answer.',
  'answer.details': 'Details',
  'answer.copy': 'Copy answer',
  'answer.copied': 'Copied',
  'answer.copyFailed': 'Copy failed',
  'answer.copySources': 'Sources',
  'answer.regenerate': 'Regenerate',
  'answer.showSources': 'Show sources ({count})',
  'answer.helpful': 'Helpful',
  'answer.notHelpful': 'Not helpful',

  'badge.search': 'Search',
  'badge.searchTitle':
    'Extracted from the guide by search: the sentences are quoted from the cited sections.',
  'badge.llm': 'LLM · {model}',
  'badge.llmTitle': 'Written by {model} from the cited sections.',
  'badge.fallback': 'Search',
  'fallback.sentence': 'The AI model could not answer, so this answer was found in the guide by search.',
  'fallback.noKeySentence': 'No AI model is set up, so this answer was found in the guide by search.',
  'fallback.reason.no-key': 'no-key: no LLM API key is configured.',
  'fallback.reason.auth': 'auth: the LLM provider rejected the API key.',
  'fallback.reason.rate-limit': 'rate-limit: the LLM provider is rate-limiting requests.',
  'fallback.reason.server-error': 'server-error: the LLM provider returned a server error.',
  'fallback.reason.network': 'network: the LLM provider could not be reached.',
  'fallback.reason.timeout': 'timeout: the LLM took too long to answer.',
  'fallback.reason.stream-cut': 'stream-cut: the LLM stopped mid-answer.',
  'fallback.reason.empty': 'empty: the LLM returned an empty answer.',
  'fallback.reason.unknown': 'unknown: the LLM failed unexpectedly.',
  'fallback.reason.uncited':
    "uncited: the LLM answer cited none of the guide's sections, so it is shown as unsupported.",
  'fallback.reason.prompt-leak':
    'prompt-leak: the LLM began repeating its instructions; its answer was withheld.',
  'fallback.uncitedSentence':
    "The AI model's answer cited nothing in the guide, so it is unsupported; the answer found by search follows.",
  'badge.truncated': 'Cut at the length limit',

  'footer.timesTitle': 'Total time · time to first token · retrieval time',
  'footer.total': '{time} total',
  'footer.firstToken': 'first token {time}',
  'footer.retrieval': 'retrieval {time}',
  'footer.noTokens': 'no LLM tokens',
  'footer.tokensUnknown': 'tokens unknown',
  'footer.tokens': '{input} in / {output} out tokens',
  'footer.costUnknown': 'cost unknown',

  'notCovered.message': "The guide doesn't cover this question.",
  'notCovered.scope': 'It covers: {topics}.',
  'notCovered.try': 'You could ask',
  'notCovered.suggestion': 'What does the guide say about {heading}?',
  'notCovered.related': 'Related sections',
  'notCovered.none': 'The guide has no section close to this question.',

  'sources.title': 'Sources',
  'sources.close': 'Close sources',
  'sources.hint':
    'Ask a question: the sections each answer cites appear here, with the supporting lines highlighted.',
  'sources.searching': 'Searching the guide…',
  'sources.list': 'Citations',
  'sources.alsoSearched': 'Also searched ({count})',
  'sources.alsoSearchedHint': 'Retrieved for this question but not cited by the answer.',
  'sources.toggle': 'Sources',

  'card.label': 'Source {n}: {heading}',
  'card.citedFor': 'Cited for',
  'card.flag': "Source doesn't support this",
  'card.flagged': 'Flagged — thanks',
  'card.flagging': 'Flagging…',
  'card.flagError': 'Not flagged: {message}',

  'marker.label': 'Source {n}: {heading}',
  'marker.labelWithParent': 'Source {n}: {heading} — {parent}',
  'marker.preview': 'Cited passage',

  'section.label': 'Cited section',
  'section.close': 'Close section',
  'section.nav': 'Section navigation',
  'section.breadcrumb': 'Breadcrumb',
  'section.prev': '← Previous section: {heading}',
  'section.next': 'Next section: {heading} →',
  'section.loadError': 'Could not load this section: {message}',
  'section.retry': 'Try again',
  'section.asCited': 'The passage as it was cited:',
  'section.loading': 'Loading section…',
  'section.source': 'Source {n}',
  'section.sourceHighlighted': 'Source {n} — the highlighted lines support the answer.',

  'feedback.sent': 'Thanks — feedback sent.',
  'feedback.sending': 'Sending feedback…',
  'feedback.error': 'Feedback not sent: {message}',
  'feedback.failed': 'Could not send feedback.',
  'feedback.formLabel': 'Why was this not helpful?',
  'feedback.legend': 'What was wrong?',
  'feedback.comment': 'Comment',
  'feedback.send': 'Send feedback',
  'reason.wrong': 'Wrong',
  'reason.unsupported': 'Not supported by its citation',
  'reason.missing': 'Missing information',
  'reason.off-topic': 'Off-topic',
  'reason.outdated': 'Outdated',
  'reason.other': 'Other',

  'error.failed': 'The answer failed: {reason}',
  'error.network': 'Could not reach the server. Check your connection.',
  'error.generic': 'Something went wrong.',
  'error.retry': 'Retry',

  'markdown.image': '[image: {alt}]',
  'markdown.imageNoAlt': '[image]',
};

export type Messages = Record<keyof typeof en, string>;
