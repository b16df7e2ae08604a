import {
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { problemFromError } from '../api/api-problem';
import type { Problem } from '../api/contract';
import { ProblemView } from './problem-view';

const REASON_MAX = 500;

export interface ActionInput {
  reason: string;
  /** The new assignee, when the dialog asks for one. */
  assignee: string;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled])';

/** Tab and Shift+Tab go round the dialog instead of leaving it for the browser's own controls. */
function keepFocusInside(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== 'Tab') return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * A modal dialog asking for the reason of an operations action (and a new assignee when
 * `askAssignee`), then running it. It stays open showing the problem when the api refuses; the
 * caller closes it when the action went through. Escape or Cancel closes it, and focus goes back
 * to what opened it. Outside it the page is inert while it is open (a modal <dialog>).
 */
export function ActionDialog({
  title,
  children,
  askAssignee = false,
  recordedIn = "the episode's timeline",
  onConfirm,
  onClose,
}: {
  title: string;
  children?: ReactNode;
  askAssignee?: boolean;
  /** Where the reason is kept, as the hint under the field says. */
  recordedIn?: string;
  onConfirm: (input: ActionInput) => Promise<void>;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const assigneeField = useRef<HTMLInputElement>(null);
  const id = useId();
  const [reason, setReason] = useState('');
  const [assignee, setAssignee] = useState('');
  const [missing, setMissing] = useState<{ reason?: boolean; assignee?: boolean }>({});
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const opener = document.activeElement;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => {
      element?.close();
      // The opener may be gone (a cancelled episode has no action buttons): then the page.
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
      else document.getElementById('main')?.focus();
    };
  }, []);

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const input = { reason: reason.trim(), assignee: assignee.trim() };
    const blank = { reason: input.reason === '', assignee: askAssignee && input.assignee === '' };
    setMissing(blank);
    if (blank.reason || blank.assignee) {
      (blank.assignee ? assigneeField : reasonField).current?.focus();
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await onConfirm(input);
    } catch (error) {
      setProblem(problemFromError(error));
    } finally {
      setBusy(false);
    }
  }

  const requestClose = () => {
    if (!busy) onClose();
  };

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={`${id}-title`}
      onKeyDown={keepFocusInside}
      onCancel={(event) => {
        event.preventDefault();
        requestClose();
      }}
    >
      <form onSubmit={(event) => void confirm(event)} noValidate aria-busy={busy}>
        <h2 id={`${id}-title`}>{title}</h2>
        {children}
        {askAssignee && (
          <div className="field">
            <label htmlFor={`${id}-assignee`}>New assignee</label>
            <input
              ref={assigneeField}
              id={`${id}-assignee`}
              value={assignee}
              onChange={(event) => setAssignee(event.target.value)}
              placeholder="org/north-clinic"
              autoComplete="off"
              aria-invalid={missing.assignee || undefined}
              aria-describedby={missing.assignee ? `${id}-assignee-error` : undefined}
            />
            {missing.assignee && (
              <p id={`${id}-assignee-error`} className="field-error">
                A new assignee is required.
              </p>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <textarea
            ref={reasonField}
            id={`${id}-reason`}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            maxLength={REASON_MAX}
            rows={3}
            aria-invalid={missing.reason || undefined}
            aria-describedby={`${id}-reason-hint${missing.reason ? ` ${id}-reason-error` : ''}`}
          />
          <p id={`${id}-reason-hint`} className="hint">
            Recorded in {recordedIn}. Up to {REASON_MAX} characters.
          </p>
          {missing.reason && (
            <p id={`${id}-reason-error`} className="field-error">
              A reason is required.
            </p>
          )}
        </div>
        {problem && <ProblemView problem={problem} alert />}
        <div className="dialog-actions">
          <button type="button" onClick={requestClose} aria-disabled={busy || undefined}>
            Cancel
          </button>
          <button type="submit" className="primary" aria-disabled={busy || undefined}>
            Confirm
          </button>
          {busy && <span className="muted">Working…</span>}
        </div>
      </form>
    </dialog>
  );
}
