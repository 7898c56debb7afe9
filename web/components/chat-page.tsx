import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useConversations } from '../hooks/use-conversations.js';
import { GuideLinkContext } from '../hooks/use-guide-link.js';
import { useGuidePage } from '../hooks/use-guide-page.js';
import { useI18n } from '../lib/i18n.js';
import { IconLabel } from './action-icon.js';
import { AppHeader } from './app-header.js';
import { ChatView } from './chat-view.js';
import { ConversationList } from './conversation-list.js';
import { ModeBadge } from './mode-badge.js';
import { ShareButton } from './share-button.js';

// The guide browser is its own chunk: the chat's first paint does not wait for it.
const GuideBrowser = lazy(async () => ({ default: (await import('./guide-browser.js')).GuideBrowser }));

/**
 * Whether the conversation drawer (narrow screens) is open. Escape or a tap outside closes it; Escape hands
 * focus back to the History button, so a keyboard user is never left behind an overlay.
 */
function useHistoryDrawer() {
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.isComposing || event.defaultPrevented) return;
      setOpen(false);
      toggleRef.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);
  return { open, setOpen, toggleRef };
}

interface HeaderActionsProps {
  drawer: ReturnType<typeof useHistoryDrawer>;
  onBrowse: () => void;
  /** The conversation to share; null before its first question. */
  share: { conversationId: string; title: string } | null;
  onNewChat: () => void;
}

/** History (narrow screens), Browse the guide, Share once there is something to share, and New chat. */
function HeaderActions({ drawer, onBrowse, share, onNewChat }: HeaderActionsProps) {
  const { t } = useI18n();
  return (
    <>
      <button
        ref={drawer.toggleRef}
        type="button"
        className="secondary-button list-toggle"
        aria-expanded={drawer.open}
        onClick={() => drawer.setOpen((open) => !open)}
      >
        <IconLabel name="history">{t('app.history')}</IconLabel>
      </button>
      <button type="button" className="secondary-button" onClick={onBrowse}>
        <IconLabel name="browse">{t('guide.browse')}</IconLabel>
      </button>
      {share && <ShareButton conversationId={share.conversationId} title={share.title} />}
      <button type="button" className="secondary-button" onClick={onNewChat}>
        <IconLabel name="new">{t('app.newChat')}</IconLabel>
      </button>
    </>
  );
}

interface ChatAndGuideProps {
  conversations: ReturnType<typeof useConversations>;
  guide: ReturnType<typeof useGuidePage>;
  onModelFaults: (count: number) => void;
  composerFocusRequest: number;
}

/** The active conversation and, over it while open, the guide browser. */
function ChatAndGuide({ conversations, guide, onModelFaults, composerFocusRequest }: ChatAndGuideProps) {
  const { t } = useI18n();
  return (
    <>
      <GuideLinkContext.Provider value={guide.openGuide}>
        {/* Hidden, not unmounted, while the guide is open: an answer still streaming keeps streaming. */}
        <div className="chat-frame" hidden={guide.route.guide !== null}>
          <ChatView
            key={conversations.activeId}
            conversationId={conversations.activeId}
            initialMessages={conversations.initialMessages}
            onSave={conversations.save}
            prefill={guide.prefill}
            onBrowse={() => guide.openGuide()}
            onModelFaults={onModelFaults}
            composerFocusRequest={composerFocusRequest}
          />
        </div>
      </GuideLinkContext.Provider>
      {guide.route.guide !== null && (
        <Suspense fallback={<p role="status">{t('guide.loading')}</p>}>
          <GuideBrowser
            view={guide.route.guide}
            sectionId={guide.route.sectionId}
            onNavigate={guide.navigate}
            onClose={guide.closeGuide}
            onAsk={guide.askFromGuide}
          />
        </Suspense>
      )}
    </>
  );
}

/** The chat app: header, the conversation list, and the active conversation. */
export function ChatPage() {
  const conversations = useConversations();
  const drawer = useHistoryDrawer();
  const guide = useGuidePage(conversations);
  const title = conversations.conversations.find((entry) => entry.id === conversations.activeId)?.title;
  const [modelFaults, setModelFaults] = useState(0);
  const [composerFocus, setComposerFocus] = useState(0);
  // Choosing a conversation or starting one is done with the drawer: it closes.
  const thenCloseDrawer =
    <Args extends unknown[]>(action: (...args: Args) => void) =>
    (...args: Args) => {
      action(...args);
      drawer.setOpen(false);
    };
  const startNew = thenCloseDrawer(() => {
    conversations.startNew();
    setComposerFocus((count) => count + 1);
  });

  return (
    <div className="app-shell">
      <AppHeader label={<ModeBadge modelFaults={modelFaults} />} brandIsHeading skipTo="chat">
        <HeaderActions
          drawer={drawer}
          onBrowse={() => guide.openGuide()}
          share={title ? { conversationId: conversations.activeId, title } : null}
          onNewChat={startNew}
        />
      </AppHeader>
      <div className={`app-body${drawer.open ? ' list-open' : ''}`}>
        {drawer.open && (
          <div className="drawer-backdrop" aria-hidden="true" onClick={() => drawer.setOpen(false)} />
        )}
        <ConversationList
          conversations={conversations.conversations}
          activeId={conversations.activeId}
          onSelect={thenCloseDrawer(conversations.select)}
          onDelete={conversations.remove}
        />
        <ChatAndGuide
          conversations={conversations}
          guide={guide}
          onModelFaults={setModelFaults}
          composerFocusRequest={composerFocus}
        />
      </div>
    </div>
  );
}
