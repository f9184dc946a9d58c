// Choosing colleagues from the annuaire, searching as one types (accents and case ignored). Observers never write an
// annuaire entry, so they cannot be picked: a care team is made of professionals who write.
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryMember } from '@maillage/shared';
import { indexDirectory, queryDirectory } from '../directory/directoryQuery';

const SHOWN = 8;

interface MemberPickerProps {
  id: string;
  members: readonly DirectoryMember[];
  exclude: readonly string[];
  onPick: (member: DirectoryMember) => void;
  /** The add button's accessible name for a member (default: adding them to the care team). */
  addLabel?: (name: string) => string;
}

export function MemberPicker({ id, members, exclude, onPick, addLabel }: MemberPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const index = useMemo(
    () =>
      indexDirectory(
        members.filter((m) => !exclude.includes(m.memberId)),
        (p) => t(`professions.${p}`),
      ),
    [members, exclude, t],
  );
  const found = query.trim()
    ? queryDirectory(index, { query, profession: '', commune: '', sort: 'name' }).slice(0, SHOWN)
    : [];

  const pick = (member: DirectoryMember) => {
    onPick(member);
    setQuery('');
    input.current?.focus();
  };

  return (
    <div className="stack picker">
      <div className="field">
        <label htmlFor={id}>{t('care.team.search')}</label>
        <input
          id={id}
          ref={input}
          type="search"
          value={query}
          autoComplete="off"
          aria-describedby={`${id}-hint`}
          onChange={(e) => setQuery(e.target.value)}
        />
        <p id={`${id}-hint`} className="muted">
          {t('care.team.searchHint')}
        </p>
      </div>
      {found.length > 0 ? (
        <ul className="list" aria-label={t('care.team.results')}>
          {found.map((m) => (
            <li key={m.memberId}>
              <span className="list-title">{m.name}</span>
              <span className="muted">{[t(`professions.${m.profession}`), m.commune].filter(Boolean).join(' · ')}</span>
              <button
                type="button"
                className="small"
                aria-label={addLabel ? addLabel(m.name) : t('care.team.addWho', { name: m.name })}
                onClick={() => pick(m)}
              >
                {t('care.team.add')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {query.trim() && found.length === 0 ? (
        <p className="empty" role="status">
          {t('care.team.noResult')}
        </p>
      ) : null}
    </div>
  );
}
