import type { ConversationSummary } from '../lib/conversation-storage.js';
import { type I18n, useI18n } from '../lib/i18n.js';
import { langTag } from '../lib/text-language.js';

interface ConversationListProps {
  conversations: ConversationSummary[];
  activeId: string;
  onSelect: (id: string) => void;
  onDelete: (id: string) => void;
}

function formatWhen(iso: string, formatDate: I18n['formatDate']): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : formatDate(date, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Past conversations, newest first: open one, or delete it. */
export function ConversationList({ conversations, activeId, onSelect, onDelete }: ConversationListProps) {
  const { t, formatDate } = useI18n();
  return (
    <nav aria-label={t('conversations.title')} className="conversations">
      <h2 className="conversations-title">{t('conversations.title')}</h2>
      {conversations.length === 0 ? (
        <p className="panel-hint">{t('conversations.empty')}</p>
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
                <span className="conversation-title" lang={langTag(conversation.title)}>
                  {conversation.title}
                </span>
                <span className="conversation-date">{formatWhen(conversation.updatedAt, formatDate)}</span>
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('conversations.delete', { title: conversation.title })}
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
