import { Fragment } from 'react';
import type { ChatMessage, TextSpan } from '../../server/contract.js';
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
  onCite: (messageId: string, n: number, spans?: TextSpan[]) => void;
  onShowSources: (messageId: string) => void;
  onAsk: (question: string) => void;
  /** Asks a suggested follow-up, scoped to its section. */
  onAskScoped?: ((question: ScopedQuestion) => void) | undefined;
  onBrowse: (sectionId: string) => void;
  /** Puts a question in the composer. */
  onEdit: (question: string) => void;
}

/** The conversation, oldest first; Regenerate is offered on the last answer once it is complete. */
export function MessageList(props: MessageListProps) {
  const { messages, busy, selectedAnswerId, onRegenerate, onAskScoped } = props;
  const lastIndex = messages.length - 1;
  let questions = 0;
  let answers = 0;
  return (
    <>
      {messages.map((message, index) => {
        if (message.role === 'user') {
          questions += 1;
          return <QuestionTurn key={message.id} text={messageText(message)} turn={questions} />;
        }
        if (message.role !== 'assistant') return null;
        answers += 1;
        const isLast = index === lastIndex;
        const streaming = busy && isLast;
        return (
          <Fragment key={message.id}>
            <AnswerTurn
              message={message}
              question={questionFor(messages, index)}
              turn={answers}
              streaming={streaming}
              selected={message.id === selectedAnswerId}
              onRegenerate={isLast && !busy ? onRegenerate : undefined}
              onCite={props.onCite}
              onShowSources={props.onShowSources}
              onAsk={props.onAsk}
              onBrowse={props.onBrowse}
              onEdit={props.onEdit}
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
