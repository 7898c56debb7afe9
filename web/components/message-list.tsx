import { Fragment } from 'react';
import type { ChatMessage } from '../../server/contract.js';
import { messageText, questionFor } from '../lib/chat-message.js';
import { AnswerTurn } from './answer-turn.js';
import type { ScopedQuestion } from './guide-reader.js';
import { QuestionTurn } from './question-turn.js';
import { SuggestedQuestions } from './suggested-questions.js';

interface MessageListProps {
  messages: ChatMessage[];
  busy: boolean;
  selectedAnswerId: string | undefined;
  onRegenerate: () => void;
  onCite: (messageId: string, n: number) => void;
  onShowSources: (messageId: string) => void;
  /** Asks a suggested follow-up, scoped to its section. */
  onAskScoped?: (question: ScopedQuestion) => void;
}

/** The conversation, oldest first; Regenerate is offered on the last answer once it is complete. */
export function MessageList({
  messages,
  busy,
  selectedAnswerId,
  onRegenerate,
  onCite,
  onShowSources,
  onAskScoped,
}: MessageListProps) {
  const lastIndex = messages.length - 1;
  return (
    <>
      {messages.map((message, index) => {
        if (message.role === 'user') return <QuestionTurn key={message.id} text={messageText(message)} />;
        if (message.role !== 'assistant') return null;
        const isLast = index === lastIndex;
        const streaming = busy && isLast;
        return (
          <Fragment key={message.id}>
            <AnswerTurn
              message={message}
              question={questionFor(messages, index)}
              streaming={streaming}
              selected={message.id === selectedAnswerId}
              onRegenerate={isLast && !busy ? onRegenerate : undefined}
              onCite={onCite}
              onShowSources={onShowSources}
            />
            {!streaming && onAskScoped && (
              <SuggestedQuestions message={message} disabled={busy} onAsk={onAskScoped} />
            )}
          </Fragment>
        );
      })}
    </>
  );
}
