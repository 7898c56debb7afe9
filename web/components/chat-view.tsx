import { useChat } from '@ai-sdk/react';
import { useCallback, useRef } from 'react';
import type { ChatMessage } from '../../server/contract.js';
import { createChatTransport } from '../api/chat-transport.js';
import { useSaveConversation } from '../hooks/use-save-conversation.js';
import { useSourcesPanel } from '../hooks/use-sources-panel.js';
import { useStickToBottom } from '../hooks/use-stick-to-bottom.js';
import { questionFor } from '../lib/chat-message.js';
import { ChatError } from './chat-error.js';
import { Composer } from './composer.js';
import { MessageList } from './message-list.js';
import { SourcesPanel } from './sources-panel.js';
import { StarterQuestions } from './starter-questions.js';

interface ChatViewProps {
  conversationId: string;
  initialMessages: ChatMessage[];
  onSave: (id: string, messages: ChatMessage[]) => void;
}

const transport = createChatTransport();

/** One conversation: the chat column beside the Sources panel. Mounted afresh per conversation. */
export function ChatView({ conversationId, initialMessages, onSave }: ChatViewProps) {
  const { messages, sendMessage, status, stop, regenerate, error, clearError } = useChat<ChatMessage>({
    id: conversationId,
    messages: initialMessages,
    transport,
  });
  const busy = status === 'submitted' || status === 'streaming';
  const panel = useSourcesPanel(messages);
  const scrollRef = useRef<HTMLDivElement>(null);
  useStickToBottom(scrollRef, messages);

  useSaveConversation({ conversationId, initialMessages, messages, status, onSave });

  const { followLatest } = panel;
  const ask = useCallback(
    (question: string) => {
      clearError();
      followLatest();
      sendMessage({ text: question });
    },
    [clearError, followLatest, sendMessage],
  );
  const retry = useCallback(() => {
    clearError();
    regenerate();
  }, [clearError, regenerate]);

  const selectedIndex = panel.selectedAnswer ? messages.indexOf(panel.selectedAnswer) : -1;

  return (
    <div className="chat-layout">
      <main className="chat-column" aria-label="Chat">
        <div className="chat-scroll" ref={scrollRef}>
          {messages.length === 0 ? (
            <StarterQuestions onAsk={ask} disabled={busy} />
          ) : (
            <MessageList
              messages={messages}
              busy={busy}
              selectedAnswerId={panel.selectedAnswer?.id}
              onRegenerate={retry}
              onCite={panel.openCitation}
              onShowSources={panel.showSources}
            />
          )}
          {error && !busy && <ChatError error={error} onRetry={retry} />}
        </div>
        {panel.selectedAnswer && (
          <button
            type="button"
            className="sheet-toggle secondary-button"
            aria-expanded={panel.sheetOpen}
            onClick={() => panel.setSheetOpen((open) => !open)}
          >
            Sources
          </button>
        )}
        <Composer busy={busy} onSend={ask} onStop={stop} />
      </main>
      <SourcesPanel
        answer={panel.selectedAnswer}
        question={selectedIndex >= 0 ? questionFor(messages, selectedIndex) : ''}
        openSection={panel.openSection}
        sheetOpen={panel.sheetOpen}
        onOpenCitation={panel.openCitation}
        onBrowse={panel.browseSection}
        onCloseSection={panel.closeSection}
        onCloseSheet={panel.closeSheet}
      />
    </div>
  );
}
