import { useState } from 'react';
import type { ShareCreatedResponse } from '../../server/contract.js';
import { createShare, deleteShare } from '../api/guide-browser-api.js';
import { loadMessages } from '../lib/conversation-storage.js';
import { useI18n } from '../lib/i18n.js';
import { safeStorage } from '../lib/safe-storage.js';
import { shareSnapshot } from '../lib/share-snapshot.js';
import { IconLabel } from './action-icon.js';
import { ModalDialog } from './modal-dialog.js';

type ShareState =
  | { status: 'closed' }
  | { status: 'creating' }
  | { status: 'ready'; share: ShareCreatedResponse }
  | { status: 'deleted' }
  | { status: 'failed'; message: string };

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

function CopyLink({ link }: { link: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = () =>
    navigator.clipboard?.writeText(link).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <button type="button" className="text-button" onClick={copy}>
      {copied ? t('share.copied') : t('share.copy')}
    </button>
  );
}

/** What the share dialog says: progress, the link with Copy and Delete, or what went wrong. */
function ShareDialogBody(props: {
  state: ShareState;
  onDelete: (share: ShareCreatedResponse) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { state } = props;
  const link = state.status === 'ready' ? new URL(state.share.url, window.location.origin).href : '';
  return (
    <>
      {state.status === 'creating' && <p role="status">{t('share.creating')}</p>}
      {state.status === 'failed' && <p role="alert">{state.message}</p>}
      {state.status === 'deleted' && <p role="status">{t('share.deleted')}</p>}
      {state.status === 'ready' && (
        <>
          <p>{t('share.ready')}</p>
          <input
            className="share-link"
            readOnly
            value={link}
            aria-label={t('share.ready')}
            onFocus={(event) => event.target.select()}
          />
          <div className="share-actions">
            <CopyLink link={link} />
            <button type="button" className="text-button" onClick={() => props.onDelete(state.share)}>
              {t('share.delete')}
            </button>
          </div>
        </>
      )}
      <button type="button" className="secondary-button" onClick={props.onClose}>
        {t('share.close')}
      </button>
    </>
  );
}

/**
 * Share: stores a read-only snapshot of the active conversation on the server and shows its `/s/<id>` link,
 * with a way to delete it again (only this browser was given the delete token).
 */
export function ShareButton({ conversationId, title }: { conversationId: string; title: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<ShareState>({ status: 'closed' });
  const share = async () => {
    const snapshot = shareSnapshot(loadMessages(safeStorage('localStorage'), conversationId), title);
    if (snapshot.turns.length === 0) return setState({ status: 'failed', message: t('share.empty') });
    setState({ status: 'creating' });
    try {
      setState({ status: 'ready', share: await createShare(snapshot) });
    } catch (error) {
      setState({ status: 'failed', message: t('share.failed', { message: errorMessage(error) }) });
    }
  };
  const remove = async (created: ShareCreatedResponse) => {
    try {
      await deleteShare(created.id, created.deleteToken);
      setState({ status: 'deleted' });
    } catch (error) {
      setState({ status: 'failed', message: t('share.failed', { message: errorMessage(error) }) });
    }
  };
  const close = () => setState({ status: 'closed' });
  return (
    <div className="share">
      {/* Not disabled while creating: the open dialog already puts it out of reach, and a button disabled
          as the dialog opens would leave the dialog nothing to give focus back to. */}
      <button type="button" className="secondary-button" onClick={share}>
        <IconLabel name="share">{t('share.action')}</IconLabel>
      </button>
      <ModalDialog
        open={state.status !== 'closed'}
        onClose={close}
        label={t('share.action')}
        className="share-dialog"
      >
        <ShareDialogBody state={state} onDelete={remove} onClose={close} />
      </ModalDialog>
    </div>
  );
}
