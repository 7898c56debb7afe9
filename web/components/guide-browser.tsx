import { useMemo } from 'react';
import type { CompareGroup, GuideDocument } from '../../server/contract.js';
import { useCompareGroups, useGuideOutline } from '../hooks/use-guide-data.js';
import { findEntry, readerDocuments } from '../lib/guide-outline.js';
import type { GuideRoute } from '../lib/guide-route.js';
import { useI18n } from '../lib/i18n.js';
import { CompareView } from './compare-view.js';
import { GuideContents } from './guide-contents.js';
import { GuideReader, type ScopedQuestion } from './guide-reader.js';

export interface GuideBrowserProps {
  view: 'contents' | 'compare';
  sectionId: string | null;
  onNavigate: (patch: Partial<GuideRoute>) => void;
  onClose: () => void;
  /** Hands a question to the chat: `send` asks it at once, otherwise it waits in the composer. */
  onAsk: (question: ScopedQuestion, send: boolean) => void;
}

function Tabs(props: {
  view: GuideBrowserProps['view'];
  canCompare: boolean;
  onNavigate: GuideBrowserProps['onNavigate'];
}) {
  const { t } = useI18n();
  const { view, canCompare, onNavigate } = props;
  if (!canCompare) return <h2 className="guide-heading">{t('guide.title')}</h2>;
  return (
    <div className="guide-tabs">
      {(['contents', 'compare'] as const).map((tab) => (
        <button
          key={tab}
          type="button"
          className="secondary-button"
          aria-pressed={view === tab}
          onClick={() => onNavigate({ guide: tab })}
        >
          {t(tab === 'contents' ? 'guide.contents' : 'guide.compare')}
        </button>
      ))}
    </div>
  );
}

function ContentsAndReader(props: GuideBrowserProps & { documents: GuideDocument[]; all: GuideDocument[] }) {
  const { t } = useI18n();
  const { documents, all, sectionId, onNavigate, onAsk } = props;
  const open = (id: string) => onNavigate({ guide: 'contents', sectionId: id });
  const lang = sectionId ? (findEntry(all, sectionId)?.document.lang ?? '') : '';
  return (
    <div className={`guide-body${sectionId ? ' has-section' : ''}`}>
      <GuideContents documents={documents} openId={sectionId} onOpen={open} />
      <div className="guide-pane">
        {sectionId ? (
          <GuideReader
            sectionId={sectionId}
            lang={lang}
            onOpen={open}
            onAsk={(question) => onAsk(question, false)}
          />
        ) : (
          <p className="section-note">{t('guide.pickSection')}</p>
        )}
      </div>
    </div>
  );
}

/**
 * "Browse the guide": every document's contents with filter-as-you-type, one section read at a time with
 * previous/next, the compare tables when the guide has sibling sections written to one template, and
 * questions handed to the chat from any of them.
 */
export function GuideBrowser(props: GuideBrowserProps) {
  const { t, locale } = useI18n();
  const outline = useGuideOutline();
  const compare = useCompareGroups();
  const all = outline.status === 'success' ? outline.data.documents : [];
  const documents = useMemo(() => readerDocuments(all, locale), [all, locale]);
  const groups = useMemo<CompareGroup[]>(() => {
    const shown = new Set(documents.map((document) => document.id));
    return compare.status === 'success' ? compare.data.groups.filter((group) => shown.has(group.docId)) : [];
  }, [compare, documents]);
  const view = props.view === 'compare' && groups.length > 0 ? 'compare' : 'contents';

  return (
    <section className="guide" aria-label={t('guide.title')}>
      <div className="guide-bar">
        <button type="button" className="secondary-button" onClick={props.onClose}>
          {t('guide.backToChat')}
        </button>
        <Tabs view={view} canCompare={groups.length > 0} onNavigate={props.onNavigate} />
        {props.sectionId && view === 'contents' && (
          <button
            type="button"
            className="secondary-button guide-to-contents"
            onClick={() => props.onNavigate({ sectionId: null })}
          >
            {t('guide.contents')}
          </button>
        )}
      </div>
      {outline.status === 'loading' && <p role="status">{t('guide.loading')}</p>}
      {outline.status === 'error' && (
        <div role="alert" className="error-box">
          <p>{t('guide.loadFailed', { message: outline.error.message })}</p>
          <button type="button" className="secondary-button" onClick={outline.reload}>
            {t('guide.retry')}
          </button>
        </div>
      )}
      {outline.status === 'success' && view === 'compare' && (
        <CompareView
          groups={groups}
          onOpen={(id) => props.onNavigate({ guide: 'contents', sectionId: id })}
          onAsk={(question) => props.onAsk(question, true)}
        />
      )}
      {outline.status === 'success' && view === 'contents' && (
        <ContentsAndReader {...props} documents={documents} all={all} />
      )}
    </section>
  );
}
