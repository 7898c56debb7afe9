import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useConversations } from '../hooks/use-conversations.js';
import { GuideLinkContext } from '../hooks/use-guide-link.js';
import { useGuidePage } from '../hooks/use-guide-page.js';
import { useI18n } from '../lib/i18n.js';
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

/** The chat app: header, the conversation list, and the active conversation. */
export function ChatPage() {
  const { t } = useI18n();
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
        <button
          ref={drawer.toggleRef}
          type="button"
          className="secondary-button list-toggle"
          aria-expanded={drawer.open}
          onClick={() => drawer.setOpen((open) => !open)}
        >
          {t('app.history')}
        </button>
        <button type="button" className="secondary-button" onClick={() => guide.openGuide()}>
          {t('guide.browse')}
        </button>
        {title && <ShareButton conversationId={conversations.activeId} title={title} />}
        <button type="button" className="secondary-button" onClick={startNew}>
          {t('app.newChat')}
        </button>
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
              onModelFaults={setModelFaults}
              composerFocusRequest={composerFocus}
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
      </div>
    </div>
  );
}
