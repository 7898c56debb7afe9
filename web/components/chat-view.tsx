import { useCallback, useEffect, useState } from 'react';
import { useStickToBottom } from 'use-stick-to-bottom';
import type { ChatMessage } from '../../server/contract.js';
import { useQuestionToTopWhenDone } from '../hooks/use-answer-settled.js';
import { useConversationChat } from '../hooks/use-conversation-chat.js';
import type { GuideRouter } from '../hooks/use-guide-route.js';
import { type GuidePrefill, useGuideScope } from '../hooks/use-guide-scope.js';
import { PHONE_LAYOUT, REDUCED_MOTION, useMediaQuery } from '../hooks/use-media-query.js';
import { usePanelUrl } from '../hooks/use-panel-url.js';
import { useSourcesPanel } from '../hooks/use-sources-panel.js';
import { isModelFault } from '../lib/answer-labels.js';
import { useI18n } from '../lib/i18n.js';
import { ChatError } from './chat-error.js';
import { Composer } from './composer.js';
import { BrowseGuideButton } from './guide-browse-button.js';
import type { ScopedQuestion } from './guide-reader.js';
import { GuideScope } from './guide-scope.js';
import { MessageList } from './message-list.js';
import { SheetToggle, Sources } from './sources-sheet.js';
import { StarterQuestions } from './starter-questions.js';

interface ChatViewProps {
  conversationId: string;
  initialMessages: ChatMessage[];
  onSave: (id: string, messages: ChatMessage[]) => void;
  /** The address: it carries the section open in the Sources panel. */
  router: GuideRouter;
  /** A question handed over from the guide: asked at once with `send`, else put in the composer. */
  prefill?: GuidePrefill | undefined;
  onBrowse?: () => void;
  /** Told how many answers in a row fell back because the model failed. */
  onModelFaults?: (count: number) => void;
  /** Changes when the composer should take focus. */
  composerFocusRequest?: number;
}

/** Matches the stylesheet's breakpoint where Sources becomes a bottom sheet over the chat. */

type Chat = ReturnType<typeof useConversationChat>;
type Panel = ReturnType<typeof useSourcesPanel>;

/** Consecutive latest answers that fell back for a model fault (not for a missing key). */
function trailingFaults(messages: ChatMessage[]): number {
  let count = 0;
  for (const message of [...messages].reverse()) {
    if (message.role !== 'assistant') continue;
    if (!isModelFault(message.metadata)) break;
    count += 1;
  }
  return count;
}

/** Reports the run of model faults to the header, which shows a degraded state after two. */
function useModelFaults(messages: ChatMessage[], onModelFaults?: (count: number) => void) {
  const faults = trailingFaults(messages);
  useEffect(() => onModelFaults?.(faults), [faults, onModelFaults]);
}

interface TranscriptProps {
  chat: Chat;
  panel: Panel;
  phone: boolean;
  onAsk: (question: string) => void;
  onAskScoped: (question: ScopedQuestion) => void;
  onBrowse?: (() => void) | undefined;
  onEdit: (question: string) => void;
}

/**
 * Follows the end of the transcript while an answer streams, unless the reader scrolled up to read something
 * earlier; asking a question follows the end again. Springs unless the reader asked for reduced motion.
 */
function useFollowTranscript(busy: boolean, phone: boolean) {
  const instant = useMediaQuery(REDUCED_MOTION);
  const stick = useStickToBottom(
    instant ? { initial: 'instant', resize: 'instant' } : { initial: 'instant' },
  );
  const { scrollRef, scrollToBottom, stopScroll } = stick;
  useEffect(() => {
    if (busy) void scrollToBottom('instant');
  }, [busy, scrollToBottom]);
  useQuestionToTopWhenDone(scrollRef, busy, phone, stopScroll);
  return stick;
}

/** The scrolling part of the chat: starter questions, or the turns and a failed answer's Retry. */
function Transcript({ chat, panel, phone, onAsk, onAskScoped, onBrowse, onEdit }: TranscriptProps) {
  const { scrollRef, contentRef } = useFollowTranscript(chat.busy, phone);
  return (
    <div className="chat-scroll" ref={scrollRef}>
      <div className="chat-content" ref={contentRef}>
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
            onAsk={onAsk}
            onAskScoped={onAskScoped}
            onBrowse={panel.browseSection}
            onEdit={onEdit}
          />
        )}
        {chat.error && !chat.busy && <ChatError error={chat.error} onRetry={chat.retry} />}
      </div>
    </div>
  );
}

type Draft = { text: string; at: number };

/**
 * What the composer is handed: the newer of a question left by the guide and a question put there from the
 * chat itself (an understood follow-up, to be corrected).
 */
function useComposerDraft(prefill: GuidePrefill | undefined) {
  const [edit, setEdit] = useState<Draft | undefined>(undefined);
  const fromGuide = prefill && !prefill.send ? { text: prefill.question, at: prefill.at } : undefined;
  const draft = !edit || (fromGuide && fromGuide.at > edit.at) ? fromGuide : edit;
  const editQuestion = useCallback((text: string) => setEdit({ text, at: Date.now() }), []);
  return { draft, editQuestion };
}

/** One conversation: the chat column beside the Sources panel. Mounted afresh per conversation. */
export function ChatView(props: ChatViewProps) {
  const { conversationId, initialMessages, onSave, prefill } = props;
  const { t } = useI18n();
  const chat = useConversationChat({ conversationId, initialMessages, onSave });
  const { messages } = chat;
  const phone = useMediaQuery(PHONE_LAYOUT);
  const panel = useSourcesPanel(messages, { modalSheet: phone });
  usePanelUrl(props.router, conversationId, messages, panel);
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
  useModelFaults(messages, props.onModelFaults);
  const composerDraft = useComposerDraft(prefill);

  return (
    <div className="chat-layout">
      <main id="chat" tabIndex={-1} className="chat-column" aria-label={t('app.chat')}>
        <Transcript
          chat={chat}
          panel={panel}
          phone={phone}
          onAsk={ask}
          onAskScoped={askFollowUp}
          onBrowse={props.onBrowse}
          onEdit={composerDraft.editQuestion}
        />
        <SheetToggle panel={panel} />
        {scope && <GuideScope heading={scope.heading} onClear={clearScope} />}
        <Composer
          busy={chat.busy}
          onSend={ask}
          onStop={chat.stop}
          prefill={composerDraft.draft}
          focusRequest={props.composerFocusRequest}
        />
      </main>
      <Sources panel={panel} messages={messages} phone={phone} />
    </div>
  );
}
