import type { ChatMessage } from '../../server/contract.js';
import type { useSourcesPanel } from '../hooks/use-sources-panel.js';
import { citedSourceCount } from '../lib/answer-sources.js';
import { questionFor } from '../lib/chat-message.js';
import { useI18n } from '../lib/i18n.js';
import { ModalDialog } from './modal-dialog.js';
import { SourcesPanel } from './sources-panel.js';

type Panel = ReturnType<typeof useSourcesPanel>;

/** On phones, the button that raises the Sources sheet of the selected answer, when it cites anything. */
export function SheetToggle({ panel }: { panel: Panel }) {
  const { t } = useI18n();
  if (!panel.selectedAnswer || citedSourceCount(panel.selectedAnswer) === 0) return null;
  return (
    <button
      type="button"
      className="sheet-toggle secondary-button"
      aria-expanded={panel.sheetOpen}
      onClick={panel.sheetOpen ? panel.closeSheet : panel.openSheet}
    >
      {t('sources.toggle')}
    </button>
  );
}

/**
 * The selected answer's sources beside the chat; on phones a bottom sheet, shown as a modal dialog over the
 * chat (Escape closes the open section first, then the sheet).
 */
export function Sources({
  panel,
  messages,
  phone,
}: {
  panel: Panel;
  messages: ChatMessage[];
  phone: boolean;
}) {
  const { t } = useI18n();
  const selectedIndex = panel.selectedAnswer ? messages.indexOf(panel.selectedAnswer) : -1;
  const sources = (
    <SourcesPanel
      answer={panel.selectedAnswer}
      question={selectedIndex >= 0 ? questionFor(messages, selectedIndex) : ''}
      openSection={panel.openSection}
      focusRequest={panel.panelFocusRequest}
      onOpenCitation={panel.openCitation}
      onBrowse={panel.browseSection}
      onCloseSection={panel.closeSection}
      onCloseSheet={panel.closeSheet}
    />
  );
  if (!phone) return sources;
  return (
    <ModalDialog
      open={panel.sheetOpen}
      onClose={panel.closeSheet}
      onEscape={panel.closeSectionInSheet}
      label={t('sources.title')}
      className="sources-sheet"
    >
      {sources}
    </ModalDialog>
  );
}
