import { useState } from 'react';
import type { ShareResponse } from '../../server/contract.js';
import { fetchShare } from '../api/guide-browser-api.js';
import { FIXED_UNTIL_RESTART, useServerData } from '../hooks/use-server-data.js';
import { mergeSpans } from '../lib/highlight-ranges.js';
import { useI18n } from '../lib/i18n.js';
import { shareIdFor } from '../lib/page-route.js';
import { langTag } from '../lib/text-language.js';
import { AnswerMarkdown } from './answer-markdown.js';
import { AppHeader } from './app-header.js';
import { SectionText } from './section-text.js';

type SharedTurn = ShareResponse['turns'][number];

/** The passage behind [n], from the snapshot itself: a share needs nothing else to show its sources. */
function SharedCitation({ citation }: { citation: SharedTurn['citations'][number] }) {
  const { t } = useI18n();
  return (
    <aside className="shared-citation" aria-label={t('share.source', { n: citation.n })}>
      <p className="section-note">
        {t('share.source', { n: citation.n })} · {citation.headings.join(' › ')}
      </p>
      <div className="section-body">
        <SectionText text={citation.text} highlights={mergeSpans(citation.highlights)} />
      </div>
      <a href={`/?s=${encodeURIComponent(citation.id)}`}>{t('share.openInGuide')}</a>
    </aside>
  );
}

function SharedTurnView({ turn }: { turn: SharedTurn }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<number | null>(null);
  const citation = turn.citations.find((candidate) => candidate.n === open);
  return (
    <>
      <div className="turn question">
        <p lang={langTag(turn.question)}>{turn.question}</p>
      </div>
      <article className="turn answer" aria-label={t('turn.answer')}>
        <AnswerMarkdown
          text={turn.answer}
          citations={turn.citations}
          onCite={(n) => setOpen((current) => (current === n ? null : n))}
        />
        {citation && <SharedCitation citation={citation} />}
      </article>
    </>
  );
}

/** `/s/<id>`: a shared conversation, read-only, with working citations, in a browser that never saw it. */
export function SharePage() {
  const { t, formatDate } = useI18n();
  const id = shareIdFor(window.location.pathname) ?? '';
  const share = useServerData(`share:${id}`, (signal) => fetchShare(id, signal), FIXED_UNTIL_RESTART);
  if (share.status === 'success')
    document.title = `${share.data.title ?? share.data.turns[0]?.question ?? ''} · ${t('app.brand')}`;
  return (
    <div className="app-shell">
      <AppHeader label={t('share.pageTitle')}>
        <a className="secondary-button" href="/">
          {t('share.startOwn')}
        </a>
      </AppHeader>
      <main className="share-page chat-scroll">
        {share.status === 'loading' && <p role="status">{t('share.loading')}</p>}
        {share.status === 'error' && (
          <p role="alert">{share.error.status === 404 ? t('share.notFound') : share.error.message}</p>
        )}
        {share.status === 'success' && (
          <>
            <p className="section-note">
              {t('share.readOnly', {
                date: formatDate(new Date(share.data.createdAt), { dateStyle: 'medium' }),
              })}
            </p>
            {share.data.turns.map((turn, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a snapshot's turns never move.
              <SharedTurnView key={index} turn={turn} />
            ))}
          </>
        )}
      </main>
    </div>
  );
}
