import { type MouseEvent, type ReactNode, type SyntheticEvent, useLayoutEffect, useRef } from 'react';

interface ModalDialogProps {
  open: boolean;
  /** Told when the dialog closed itself (Escape, a tap on the backdrop), so the owner's state follows. */
  onClose: () => void;
  /** Escape: return true to keep the dialog open because the press closed something inside it instead. */
  onEscape?: () => boolean;
  label: string;
  className: string;
  children: ReactNode;
}

/** The press landed on the backdrop: the dialog's own box is the target, but the point lies outside it. */
function onBackdrop(event: MouseEvent<HTMLDialogElement>): boolean {
  const dialog = event.currentTarget;
  if (event.target !== dialog) return false;
  const box = dialog.getBoundingClientRect();
  const { clientX: x, clientY: y } = event;
  return x < box.left || x > box.right || y < box.top || y > box.bottom;
}

/**
 * A modal `<dialog>` shown with showModal(): the platform puts it above the page, makes everything behind it
 * inert (so Tab stays inside), closes it on Escape and gives focus back to what had it before it opened.
 * What it adds is a tap on the backdrop closing it. Kept mounted while closed, so closing is the dialog's
 * own close(), which is what returns focus.
 */
export function ModalDialog({ open, onClose, onEscape, label, className, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const wanted = useRef(open);
  wanted.current = open;
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const cancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    if (onEscape?.()) event.preventDefault();
  };
  // Only a close the owner did not ask for is reported; its own (open turning false) already is its state.
  const closed = () => {
    if (wanted.current) onClose();
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard's way out is Escape, which the dialog handles itself.
    <dialog
      ref={ref}
      className={className}
      aria-label={label}
      onCancel={cancel}
      onClose={closed}
      onClick={(event) => {
        if (onBackdrop(event)) event.currentTarget.close();
      }}
    >
      {children}
    </dialog>
  );
}
