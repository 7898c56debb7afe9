import type { ConversationSummary } from '../lib/conversation-storage.js';

interface ConversationListProps {
  conversations: ConversationSummary[];
  activeId: string;
  onSelect: (id: string) => void;
  onDelete: (id: string) => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateFormat.format(date);
}

/** Past conversations, newest first: open one, or delete it. */
export function ConversationList({ conversations, activeId, onSelect, onDelete }: ConversationListProps) {
  return (
    <nav aria-label="Conversations" className="conversations">
      <h2 className="conversations-title">Conversations</h2>
      {conversations.length === 0 ? (
        <p className="panel-hint">Your conversations are kept in this browser.</p>
      ) : (
        <ul>
          {conversations.map((conversation) => (
            <li key={conversation.id} className={conversation.id === activeId ? 'is-active' : undefined}>
              <button
                type="button"
                className="conversation-open"
                aria-current={conversation.id === activeId ? 'page' : undefined}
                onClick={() => onSelect(conversation.id)}
              >
                <span className="conversation-title">{conversation.title}</span>
                <span className="conversation-date">{formatDate(conversation.updatedAt)}</span>
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Delete conversation: ${conversation.title}`}
                onClick={() => onDelete(conversation.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
