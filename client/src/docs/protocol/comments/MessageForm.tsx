// Writes a comment or a reply: validated by the shared layout (an empty one is refused where it is typed).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryMember, MessageInput, Validated } from '@maillage/shared';
import { MentionTextarea, mentionsIn, type MentionDraft } from './MentionTextarea';

interface Props {
  id: string;
  label: string;
  submitLabel: string;
  members: readonly DirectoryMember[];
  /** Writes the message; returns the layout's verdict. */
  onSubmit: (input: MessageInput) => Validated<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
}

const EMPTY: MentionDraft = { text: '', mentions: [] };

export function MessageForm({ id, label, submitLabel, members, onSubmit, onCancel, autoFocus }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<MentionDraft>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = onSubmit({ text: draft.text, mentions: mentionsIn(draft, members) });
    if (!result.ok) return setError(result.errors[0]?.message ?? 'errors.invalid');
    setDraft(EMPTY);
    setError(null);
  };
  return (
    <form className="stack message-form" onSubmit={submit} noValidate>
      <MentionTextarea
        id={id}
        label={label}
        autoFocus={autoFocus}
        draft={draft}
        members={members}
        invalid={Boolean(error)}
        describedBy={error ? `${id}-error` : undefined}
        onChange={(d) => {
          setDraft(d);
          setError(null);
        }}
      />
      {error ? (
        <p id={`${id}-error`} className="error" role="alert">
          {t(error)}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="small primary">
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="small ghost" onClick={onCancel}>
            {t('comments.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
