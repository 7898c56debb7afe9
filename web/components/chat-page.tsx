import { lazy, Suspense, useState } from 'react';
import { useConversations } from '../hooks/use-conversations.js';
import { GuideLinkContext } from '../hooks/use-guide-link.js';
import { useGuidePage } from '../hooks/use-guide-page.js';
import { NARROW_LAYOUT, useMediaQuery } from '../hooks/use-media-query.js';
import { useI18n } from '../lib/i18n.js';
import { IconLabel } from './action-icon.js';
import { AppHeader } from './app-header.js';
import { ChatView } from './chat-view.js';
import { ConversationList } from './conversation-list.js';
import { ModalDialog } from './modal-dialog.js';
import { ModeBadge } from './mode-badge.js';
import { ShareButton } from './share-button.js';

// The guide browser is its own chunk: the chat's first paint does not wait for it.
const GuideBrowser = lazy(async () => ({ default: (await import('./guide-browser.js')).GuideBrowser }));

/** Whether the conversation drawer (narrow screens) is open; the drawer itself is a modal dialog. */
function useHistoryDrawer() {
  const [open, setOpen] = useState(false);
  return { open, setOpen };
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

/**
 * Past conversations: a column beside the chat, or on narrower screens a drawer shown as a modal dialog
 * (Escape or a tap outside closes it, and focus goes back to the History button).
 */
function Conversations(props: {
  drawer: ReturnType<typeof useHistoryDrawer>;
  conversations: ReturnType<typeof useConversations>;
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
  const narrow = useMediaQuery(NARROW_LAYOUT);
  const { drawer, conversations } = props;
  const list = (
    <ConversationList
      conversations={conversations.conversations}
      activeId={conversations.activeId}
      onSelect={props.onSelect}
      onDelete={conversations.remove}
    />
  );
  if (!narrow) return list;
  return (
    <ModalDialog
      open={drawer.open}
      onClose={() => drawer.setOpen(false)}
      label={t('conversations.title')}
      className="drawer"
    >
      {list}
    </ModalDialog>
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
            router={guide.router}
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
      <div className="app-body">
        <Conversations
          drawer={drawer}
          conversations={conversations}
          onSelect={thenCloseDrawer(conversations.select)}
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
