// The protocol's structured header: each field writes through the shared layout, and only when valid.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { PROFESSIONS, PROTOCOL_STATUSES, setProfessionConcerned, updateProtocolHeader, type ProtocolHeaderPatch } from '@maillage/shared';
import { Field } from '../../ui/Field';
import { useProtocolHeader } from './useProtocolHeader';

type TextField = 'title' | 'theme' | 'version' | 'reviewDate';

export function ProtocolHeaderForm({ doc, readOnly }: { doc: Y.Doc; readOnly: boolean }) {
  const { t } = useTranslation();
  const header = useProtocolHeader(doc);
  // While a field holds an invalid value it is kept here, shown with its error, and not written.
  const [drafts, setDrafts] = useState<Partial<Record<TextField, string>>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => setDrafts({}), [doc]);

  const write = (patch: ProtocolHeaderPatch, field: string) => {
    const result = updateProtocolHeader(doc, patch);
    setErrors((e) => {
      const next = { ...e };
      if (result.ok) delete next[field];
      else next[field] = result.errors[0]?.message ?? 'errors.invalid';
      return next;
    });
    return result.ok;
  };

  const text = (field: TextField, value: string) => {
    const ok = write({ [field]: field === 'reviewDate' ? value || null : value }, field);
    setDrafts((d) => {
      const next = { ...d };
      if (ok) delete next[field];
      else next[field] = value;
      return next;
    });
  };

  const value = (field: TextField) => drafts[field] ?? header[field] ?? '';

  return (
    <section aria-labelledby="header-title" className="card protocol-header">
      <h2 id="header-title" className="visually-hidden">{t('protocol.header')}</h2>
      <fieldset disabled={readOnly} className="plain">
      <Field id="protocol-title" label={t('protocol.title')} error={errors.title && t(errors.title)}>
        <input id="protocol-title" className="title-input" value={value('title')} onChange={(e) => text('title', e.target.value)} />
      </Field>
      <div className="grid">
        <Field id="protocol-theme" label={t('protocol.theme')} error={errors.theme && t(errors.theme)}>
          <input id="protocol-theme" value={value('theme')} placeholder={t('protocol.themePlaceholder')} onChange={(e) => text('theme', e.target.value)} />
        </Field>
        <Field id="protocol-status" label={t('protocol.status')}>
          <select id="protocol-status" value={header.status} onChange={(e) => write({ status: e.target.value as ProtocolHeaderPatch['status'] }, 'status')}>
            {PROTOCOL_STATUSES.map((s) => <option key={s} value={s}>{t(`protocol.statuses.${s}`)}</option>)}
          </select>
        </Field>
        <Field id="protocol-version" label={t('protocol.version')} error={errors.version && t(errors.version)}>
          <input id="protocol-version" value={value('version')} onChange={(e) => text('version', e.target.value)} />
        </Field>
        <Field id="protocol-review" label={t('protocol.reviewDate')} error={errors.reviewDate && t(errors.reviewDate)}>
          <input id="protocol-review" type="date" value={value('reviewDate')} onChange={(e) => text('reviewDate', e.target.value)} />
        </Field>
      </div>
      <fieldset className="professions">
        <legend>{t('protocol.professions')}</legend>
        {PROFESSIONS.map((p) => (
          <label key={p} className="check">
            <input type="checkbox" checked={header.professions.includes(p)} onChange={(e) => setProfessionConcerned(doc, p, e.target.checked)} />
            {t(`professions.${p}`)}
          </label>
        ))}
      </fieldset>
      </fieldset>
    </section>
  );
}
