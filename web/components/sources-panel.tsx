import { useEffect, useRef } from 'react';
import type { ChatMessage } from '../../server/contract.js';
import type { OpenSection } from '../hooks/use-sources-panel.js';
import { useI18n } from '../lib/i18n.js';
import { AnswerSourceList, SectionView } from './sources-panel-lazy.js';

export interface SourcesPanelProps {
  answer: ChatMessage | undefined;
  question: string;
  openSection: OpenSection | null;
  /** Changes whenever the panel should take focus (the reader asked to see the sources). */
  focusRequest: number;
  onOpenCitation: (messageId: string, n: number) => void;
  onBrowse: (sectionId: string) => void;
  onCloseSection: () => void;
  onCloseSheet: () => void;
}

/** The GUI half of the app: the selected answer's sources and the open section. */
export function SourcesPanel(props: SourcesPanelProps) {
  const { answer, openSection, focusRequest, onBrowse, onCloseSection, onCloseSheet } = props;
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // On phones the sheet covers what opened it: focus must move in, or keyboard users stay behind it.
    if (focusRequest > 0) headingRef.current?.focus();
  }, [focusRequest]);
  return (
    <aside aria-label={t('sources.title')} className="sources">
      <div className="sources-header">
        <h2 ref={headingRef} tabIndex={-1}>
          {t('sources.title')}
        </h2>
        <button type="button" className="sheet-close secondary-button" onClick={onCloseSheet}>
          {t('sources.close')}
        </button>
      </div>
      <div className="sources-content">
        {answer ? (
          <AnswerSourceList key={answer.id} {...props} answer={answer} />
        ) : (
          <p className="panel-hint">{t('sources.hint')}</p>
        )}
        {openSection && (
          <SectionView
            key={openSection.sectionId}
            open={openSection}
            onBrowse={onBrowse}
            onClose={onCloseSection}
          />
        )}
      </div>
    </aside>
  );
}
