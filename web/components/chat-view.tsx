import { useCallback, useRef } from 'react';
import type { ChatMessage } from '../../server/contract.js';
import { useConversationChat } from '../hooks/use-conversation-chat.js';
import { type GuidePrefill, useGuideScope } from '../hooks/use-guide-scope.js';
import { useMediaQuery } from '../hooks/use-media-query.js';
import { useSourcesPanel } from '../hooks/use-sources-panel.js';
import { useStickToBottom } from '../hooks/use-stick-to-bottom.js';
import { questionFor, sourceCountOf } from '../lib/chat-message.js';
import { ChatError } from './chat-error.js';
import { Composer } from './composer.js';
import { BrowseGuideButton } from './guide-browse-button.js';
import type { ScopedQuestion } from './guide-reader.js';
import { GuideScope } from './guide-scope.js';
import { MessageList } from './message-list.js';
import { SourcesPanel } from './sources-panel.js';
import { StarterQuestions } from './starter-questions.js';

interface ChatViewProps {
  conversationId: string;
  initialMessages: ChatMessage[];
  onSave: (id: string, messages: ChatMessage[]) => void;
  /** A question handed over from the guide: asked at once with `send`, else put in the composer. */
  prefill?: GuidePrefill | undefined;
  onBrowse?: () => void;
}

/** Matches the stylesheet's breakpoint where Sources becomes a bottom sheet over the chat. */
const PHONE_LAYOUT = '(max-width: 760px)';

type Chat = ReturnType<typeof useConversationChat>;
type Panel = ReturnType<typeof useSourcesPanel>;

/** The scrolling part of the chat: starter questions, or the turns and a failed answer's Retry. */
function Transcript(props: {
  chat: Chat;
  panel: Panel;
  onAsk: (question: string) => void;
  onAskScoped: (question: ScopedQuestion) => void;
  onBrowse?: (() => void) | undefined;
}) {
  const { chat, panel, onAsk, onAskScoped, onBrowse } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  useStickToBottom(scrollRef, chat.messages);
  return (
    <div className="chat-scroll" ref={scrollRef}>
      {chat.messages.length === 0 ? (
        <>
          <StarterQuestions onAsk={onAsk} disabled={chat.busy} />
          {onBrowse && <BrowseGuideButton onBrowse={onBrowse} />}
        </>
      ) : (
        <MessageList
          messages={chat.messages}
          busy={chat.busy}
          selectedAnswerId={panel.selectedAnswer?.id}
          onRegenerate={chat.retry}
          onCite={panel.openCitation}
          onShowSources={panel.showSources}
          onAskScoped={onAskScoped}
        />
      )}
      {chat.error && !chat.busy && <ChatError error={chat.error} onRetry={chat.retry} />}
    </div>
  );
}

/** One conversation: the chat column beside the Sources panel. Mounted afresh per conversation. */
export function ChatView({ conversationId, initialMessages, onSave, prefill, onBrowse }: ChatViewProps) {
  const chat = useConversationChat({ conversationId, initialMessages, onSave });
  const { messages } = chat;
  const panel = useSourcesPanel(messages);
  const { followLatest } = panel;
  const { ask: askChat } = chat;
  const askScoped = useCallback(
    (question: string, sectionId?: string) => {
      followLatest();
      askChat(question, sectionId);
    },
    [followLatest, askChat],
  );
  const { scope, clearScope, ask, askFollowUp } = useGuideScope(prefill, askScoped);
  const selectedIndex = panel.selectedAnswer ? messages.indexOf(panel.selectedAnswer) : -1;
  // On a phone the open sheet covers the chat: keep Tab and screen readers inside the sheet.
  const chatCovered = useMediaQuery(PHONE_LAYOUT) && panel.sheetOpen;

  return (
    <div className="chat-layout">
      <main className="chat-column" aria-label="Chat" inert={chatCovered}>
        <Transcript chat={chat} panel={panel} onAsk={ask} onAskScoped={askFollowUp} onBrowse={onBrowse} />
        {panel.selectedAnswer && sourceCountOf(panel.selectedAnswer) > 0 && (
          <button
            type="button"
            className="sheet-toggle secondary-button"
            aria-expanded={panel.sheetOpen}
            onClick={panel.sheetOpen ? panel.closeSheet : panel.openSheet}
          >
            Sources
          </button>
        )}
        {scope && <GuideScope heading={scope.heading} onClear={clearScope} />}
        <Composer
          busy={chat.busy}
          onSend={ask}
          onStop={chat.stop}
          prefill={prefill && !prefill.send ? { text: prefill.question, at: prefill.at } : undefined}
        />
      </main>
      <SourcesPanel
        answer={panel.selectedAnswer}
        question={selectedIndex >= 0 ? questionFor(messages, selectedIndex) : ''}
        openSection={panel.openSection}
        sheetOpen={panel.sheetOpen}
        focusRequest={panel.panelFocusRequest}
        onOpenCitation={panel.openCitation}
        onBrowse={panel.browseSection}
        onCloseSection={panel.closeSection}
        onCloseSheet={panel.closeSheet}
      />
    </div>
  );
}
