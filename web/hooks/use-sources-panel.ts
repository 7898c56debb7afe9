import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatMessage, Citation } from '../../server/contract.js';
import { citationsOf } from '../lib/chat-message.js';

export interface OpenSection {
  sectionId: string;
  /** The citation being shown, whose highlights are marked; null when browsing (prev/next, nearest). */
  citation: Citation | null;
}

type OpenerRef = { current: HTMLElement | null };

function rememberOpener(opener: OpenerRef): void {
  if (document.activeElement instanceof HTMLElement) opener.current = document.activeElement;
}

function returnFocus(opener: OpenerRef): void {
  const element = opener.current;
  opener.current = null;
  if (element?.isConnected) element.focus();
}

/**
 * Which answer's sources the panel shows, which section is open, and (on phones) whether the bottom
 * sheet is up. Escape closes the open section, then the sheet, returning focus to what opened it.
 */
export function useSourcesPanel(messages: ChatMessage[]) {
  const [pinnedAnswerId, setPinnedAnswerId] = useState<string | null>(null);
  const [openSection, setOpenSection] = useState<OpenSection | null>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  const opener = useRef<HTMLElement | null>(null);

  const latestAnswer = messages.findLast((message) => message.role === 'assistant');
  const selectedAnswer = messages.find((message) => message.id === pinnedAnswerId) ?? latestAnswer;

  const openCitation = useCallback(
    (messageId: string, n: number) => {
      const message = messages.find((candidate) => candidate.id === messageId);
      const citation = message && citationsOf(message)?.citations.find((entry) => entry.n === n);
      if (!citation) return;
      rememberOpener(opener);
      setPinnedAnswerId(messageId);
      setOpenSection({ sectionId: citation.id, citation });
      setSheetOpen(true);
    },
    [messages],
  );

  const browseSection = useCallback((sectionId: string) => {
    // Moving between sections keeps the original opener, so Escape returns focus to where reading began.
    if (!opener.current) rememberOpener(opener);
    setOpenSection({ sectionId, citation: null });
    setSheetOpen(true);
  }, []);

  const showSources = useCallback((messageId: string) => {
    rememberOpener(opener);
    setPinnedAnswerId(messageId);
    setOpenSection(null);
    setSheetOpen(true);
  }, []);

  const closeSection = useCallback(() => {
    setOpenSection(null);
    returnFocus(opener);
  }, []);

  const closeSheet = useCallback(() => {
    setSheetOpen(false);
    setOpenSection(null);
    returnFocus(opener);
  }, []);

  /** A new question: follow the newest answer again. */
  const followLatest = useCallback(() => {
    setPinnedAnswerId(null);
    setOpenSection(null);
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.isComposing || event.defaultPrevented) return;
      if (openSection) closeSection();
      else if (sheetOpen) closeSheet();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [openSection, sheetOpen, closeSection, closeSheet]);

  return {
    selectedAnswer,
    openSection,
    sheetOpen,
    setSheetOpen,
    openCitation,
    browseSection,
    showSources,
    closeSection,
    closeSheet,
    followLatest,
  };
}
