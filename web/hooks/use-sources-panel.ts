import { useCallback, useState } from 'react';
import type { ChatMessage, Citation, TextSpan } from '../../server/contract.js';
import { citationsOf } from '../lib/chat-message.js';
import { useEscapeKey, useFocusReturn } from './use-focus-return.js';

export interface OpenSection {
  sectionId: string;
  /** The citation being shown, whose highlights are marked; null when browsing (prev/next, nearest). */
  citation: Citation | null;
  /** The spans the clicked marker's sentence rests on, marked strongly; the citation's others lightly. */
  focus?: TextSpan[];
}

/**
 * Whether the panel is up (on phones a bottom sheet) and a count that asks the panel to take focus: each
 * time the reader opens it without a section, focus moves into it, so a keyboard user lands on the sources.
 */
function useSheet(focusReturn: ReturnType<typeof useFocusReturn>) {
  const [sheetOpen, setSheetOpen] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const openSheet = useCallback(
    (options: { takeFocus: boolean }) => {
      focusReturn.remember({ keepEarlier: !options.takeFocus });
      setSheetOpen(true);
      if (options.takeFocus) setFocusRequest((count) => count + 1);
    },
    [focusReturn],
  );
  return { sheetOpen, setSheetOpen, focusRequest, openSheet };
}

type Sheet = ReturnType<typeof useSheet>;

/** The section open in the panel: a cited one (its lines highlighted) or one the reader browsed to. */
function useOpenSection(focusReturn: ReturnType<typeof useFocusReturn>, sheet: Sheet) {
  const [openSection, setOpenSection] = useState<OpenSection | null>(null);
  const { openSheet } = sheet;
  const openCitation = useCallback(
    (message: ChatMessage | undefined, n: number, focus?: TextSpan[]) => {
      const citation = message && citationsOf(message)?.citations.find((entry) => entry.n === n);
      if (!citation) return false;
      focusReturn.remember();
      setOpenSection({ sectionId: citation.id, citation, ...(focus ? { focus } : {}) });
      openSheet({ takeFocus: false });
      return true;
    },
    [focusReturn, openSheet],
  );
  const browseSection = useCallback(
    (sectionId: string) => {
      setOpenSection({ sectionId, citation: null });
      openSheet({ takeFocus: false });
    },
    [openSheet],
  );
  const closeSection = useCallback(() => {
    setOpenSection(null);
    focusReturn.restore();
  }, [focusReturn]);
  return { openSection, setOpenSection, openCitation, browseSection, closeSection };
}

/**
 * Which answer's sources the panel shows, which section is open, and (on phones) whether the bottom
 * sheet is up. Escape closes the open section, then the sheet, returning focus to what opened it. A
 * `modalSheet` is a dialog that hears Escape itself and asks `closeSectionInSheet` first.
 */
export function useSourcesPanel(messages: ChatMessage[], options: { modalSheet: boolean }) {
  const [pinnedAnswerId, setPinnedAnswerId] = useState<string | null>(null);
  const focusReturn = useFocusReturn();
  const sheet = useSheet(focusReturn);
  const section = useOpenSection(focusReturn, sheet);
  const { openSection, setOpenSection, closeSection, openCitation: openCitedSection } = section;
  const { openSheet, setSheetOpen } = sheet;
  const selectedAnswer =
    messages.find((message) => message.id === pinnedAnswerId) ??
    messages.findLast((message) => message.role === 'assistant');

  const openCitation = useCallback(
    (messageId: string, n: number, focus?: TextSpan[]) => {
      const message = messages.find((candidate) => candidate.id === messageId);
      if (openCitedSection(message, n, focus)) setPinnedAnswerId(messageId);
    },
    [messages, openCitedSection],
  );
  const showSources = useCallback(
    (messageId: string) => {
      setPinnedAnswerId(messageId);
      setOpenSection(null);
      openSheet({ takeFocus: true });
    },
    [setOpenSection, openSheet],
  );
  const closeSheet = useCallback(() => {
    setSheetOpen(false);
    setOpenSection(null);
    focusReturn.restore();
  }, [focusReturn, setSheetOpen, setOpenSection]);
  /** A new question: follow the newest answer again. */
  const followLatest = useCallback(() => {
    setPinnedAnswerId(null);
    setOpenSection(null);
  }, [setOpenSection]);
  const onEscape = openSection ? closeSection : sheet.sheetOpen ? closeSheet : null;
  useEscapeKey(options.modalSheet ? null : onEscape);
  const closeSectionInSheet = useCallback(() => {
    if (!openSection) return false;
    closeSection();
    return true;
  }, [openSection, closeSection]);

  return {
    selectedAnswer,
    openSection,
    sheetOpen: sheet.sheetOpen,
    /** Changes each time the panel should take focus. */
    panelFocusRequest: sheet.focusRequest,
    openSheet: () => openSheet({ takeFocus: true }),
    openCitation,
    browseSection: section.browseSection,
    showSources,
    closeSection,
    closeSectionInSheet,
    closeSheet,
    followLatest,
  };
}
