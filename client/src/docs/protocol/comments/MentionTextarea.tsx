// A comment box where « @ » followed by a few letters proposes colleagues from the annuaire (accents ignored);
// arrows and Entrée choose one. The colleagues still named in the text when it is sent are the mentions.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryMember } from '@maillage/shared';
import { normalize } from '../../../ui/search';

export interface MentionDraft {
  text: string;
  mentions: string[];
}

interface Props {
  id: string;
  label: string;
  draft: MentionDraft;
  members: readonly DirectoryMember[];
  onChange: (draft: MentionDraft) => void;
  invalid?: boolean;
  describedBy?: string;
  autoFocus?: boolean;
}

const QUERY = /(?:^|\s)@([^\s@][^@\n]{0,30})?$/u;
const MAX_SUGGESTIONS = 6;

/** The mentions whose « @Name » is still in the text. */
export function mentionsIn(draft: MentionDraft, members: readonly DirectoryMember[]): string[] {
  return draft.mentions.filter((id) => {
    const name = members.find((m) => m.memberId === id)?.name;
    return name !== undefined && draft.text.includes(`@${name}`);
  });
}

export function MentionTextarea({ id, label, draft, members, onChange, invalid, describedBy, autoFocus }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);

  const suggestions = useMemo(() => {
    if (query === null) return [];
    const q = normalize(query);
    return members.filter((m) => normalize(m.name).includes(q)).slice(0, MAX_SUGGESTIONS);
  }, [query, members]);
  const open = suggestions.length > 0;

  const update = (text: string, caret: number) => {
    const match = QUERY.exec(text.slice(0, caret));
    setQuery(match ? (match[1] ?? '') : null);
    setActive(0);
    onChange({ ...draft, text });
  };

  const choose = (member: DirectoryMember) => {
    const el = ref.current;
    const caret = el?.selectionStart ?? draft.text.length;
    const before = draft.text.slice(0, caret).replace(/@[^@\n]*$/u, `@${member.name} `);
    const text = before + draft.text.slice(caret);
    onChange({ text, mentions: [...new Set([...draft.mentions, member.memberId])] });
    setQuery(null);
    requestAnimationFrame(() => el?.setSelectionRange(before.length, before.length));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => (a + (event.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(suggestions[active]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setQuery(null);
    }
  };

  const listId = `${id}-mentions`;
  return (
    <div className="mention-box">
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={ref}
        id={id}
        rows={2}
        autoFocus={autoFocus}
        value={draft.text}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        placeholder={t('comments.placeholder')}
        onChange={(e) => update(e.target.value, e.target.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
      />
      {open ? (
        <ul id={listId} role="listbox" aria-label={t('comments.mentionList')} className="mention-list">
          {suggestions.map((m, i) => (
            <li
              key={m.memberId}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(m);
              }}
            >
              {m.name} <span className="muted">{t(`professions.${m.profession}`)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
