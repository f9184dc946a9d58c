// The protocol's structured header: each field writes through the shared layout, and only when valid; the working
// group it hangs from is written to the catalogue. What it says (title, theme, professions) freezes once the team
// has validated it; where it stands (group, version label, next review) stays editable until it is archived.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  PROFESSIONS,
  setProfessionConcerned,
  updateProtocolHeader,
  type ProtocolHeaderPatch,
  parisToday,
} from '@maillage/shared';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { useGroups } from '../groups/GroupsContext';
import { useProtocolHeader } from './useProtocolHeader';

type TextField = 'title' | 'theme' | 'version' | 'reviewDate';

interface Props {
  doc: Y.Doc;
  /** Title, theme, professions. */
  contentReadOnly: boolean;
  /** Version label, next review date. */
  lifeReadOnly: boolean;
  /** The group decides who leads the protocol: only its lead or a coordinator may change it. */
  groupReadOnly: boolean;
  groupId: string | null;
  onGroup: (groupId: string | null) => void;
}

/** As tall as its text, where the browser does not size a textarea to its content by itself (field-sizing). */
function growWithText(area: HTMLTextAreaElement | null): void {
  if (!area || CSS.supports('field-sizing', 'content')) return;
  area.style.height = 'auto';
  area.style.height = `${area.scrollHeight + 2}px`;
}

export function ProtocolHeaderForm({ doc, contentReadOnly, lifeReadOnly, groupReadOnly, groupId, onGroup }: Props) {
  const { t } = useTranslation();
  const header = useProtocolHeader(doc);
  const { groups } = useGroups();
  // While a field holds an invalid value it is kept here, shown with its error, and not written.
  const [drafts, setDrafts] = useState<Partial<Record<TextField, string>>>({});
  const [errors, setErrors] = useState<Partial<Record<TextField, string>>>({});

  useEffect(() => setDrafts({}), [doc]);

  const text = (field: TextField, value: string) => {
    const patch: ProtocolHeaderPatch = { [field]: field === 'reviewDate' ? value || null : value };
    const result = updateProtocolHeader(doc, patch, parisToday());
    const error = result.ok ? undefined : (result.errors[0]?.message ?? 'errors.invalid');
    setErrors((e) => ({ ...e, [field]: error }));
    setDrafts((d) => ({ ...d, [field]: result.ok ? undefined : value }));
  };

  const value = (field: TextField) => drafts[field] ?? header[field] ?? '';
  const titleArea = useRef<HTMLTextAreaElement>(null);
  const title = value('title');
  useLayoutEffect(() => growWithText(titleArea.current), [title]);
  const error = (field: TextField) => errors[field] && t(errors[field]);

  return (
    <section aria-labelledby="header-title" className="card protocol-header">
      <h2 id="header-title" className="visually-hidden">
        {t('protocol.header')}
      </h2>
      <fieldset disabled={contentReadOnly} className="plain">
        <Field id="protocol-title" label={t('protocol.title')} error={error('title')}>
          {/* A title wraps instead of being cut on a phone; it stays one line of text (Entrée ends it). */}
          <textarea
            id="protocol-title"
            className="title-input"
            rows={1}
            value={value('title')}
            ref={titleArea}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) e.preventDefault();
            }}
            onChange={(e) => text('title', e.target.value.replace(/\s*\n\s*/g, ' '))}
          />
        </Field>
        <Field id="protocol-theme" label={t('protocol.theme')} error={error('theme')}>
          <input
            id="protocol-theme"
            value={value('theme')}
            placeholder={t('protocol.themePlaceholder')}
            onChange={(e) => text('theme', e.target.value)}
          />
        </Field>
      </fieldset>
      <fieldset disabled={lifeReadOnly} className="plain">
        <div className="grid">
          <Field id="protocol-group" label={t('protocol.group')}>
            <select
              id="protocol-group"
              value={groupId ?? ''}
              disabled={groupReadOnly}
              onChange={(e) => onGroup(e.target.value || null)}
            >
              <option value="">{t('protocol.noGroup')}</option>
              {groups.map((g) => (
                <option key={g.groupId} value={g.groupId}>
                  {g.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="protocol-version" label={t('protocol.version')} error={error('version')}>
            <input id="protocol-version" value={value('version')} onChange={(e) => text('version', e.target.value)} />
          </Field>
          <DateField
            id="protocol-review"
            label={t('protocol.reviewDate')}
            value={value('reviewDate')}
            onChange={(day) => text('reviewDate', day)}
            error={error('reviewDate')}
            disabled={lifeReadOnly}
          />
        </div>
      </fieldset>
      <fieldset disabled={contentReadOnly} className="plain">
        <fieldset className="professions">
          <legend>{t('protocol.professions')}</legend>
          {PROFESSIONS.map((p) => (
            <label key={p} className="check">
              <input
                type="checkbox"
                checked={header.professions.includes(p)}
                onChange={(e) => setProfessionConcerned(doc, p, e.target.checked)}
              />
              {t(`professions.${p}`)}
            </label>
          ))}
        </fieldset>
      </fieldset>
    </section>
  );
}
