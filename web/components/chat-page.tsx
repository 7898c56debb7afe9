import { useState } from 'react';
import { useConversations } from '../hooks/use-conversations.js';
import { ChatView } from './chat-view.js';
import { ConversationList } from './conversation-list.js';
import { ModeBadge } from './mode-badge.js';

/** The chat app: header, the conversation list, and the active conversation. */
export function ChatPage() {
  const conversations = useConversations();
  const [listOpen, setListOpen] = useState(false);

  const select = (id: string) => {
    conversations.select(id);
    setListOpen(false);
  };
  const startNew = () => {
    conversations.startNew();
    setListOpen(false);
  };

  return (
    <div className="app-shell">
      <header className="app-header">
        <a className="brand" href="/">
          AIPM Guide
        </a>
        <ModeBadge />
        <div className="header-actions">
          <button
            type="button"
            className="secondary-button list-toggle"
            aria-expanded={listOpen}
            onClick={() => setListOpen((open) => !open)}
          >
            History
          </button>
          <button type="button" className="secondary-button" onClick={startNew}>
            New chat
          </button>
          <a className="header-link" href="/insights">
            Insights
          </a>
        </div>
      </header>
      <div className={`app-body${listOpen ? ' list-open' : ''}`}>
        <ConversationList
          conversations={conversations.conversations}
          activeId={conversations.activeId}
          onSelect={select}
          onDelete={conversations.remove}
        />
        <ChatView
          key={conversations.activeId}
          conversationId={conversations.activeId}
          initialMessages={conversations.initialMessages}
          onSave={conversations.save}
        />
      </div>
    </div>
  );
}
