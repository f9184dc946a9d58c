// The actions a fiche decides: what, who (someone on the case's care team), by when. Drafts until the decision is
// reported, which copies them into the case's open actions; each control names its action (WCAG 2.5.3). A removal
// can be undone from the toast.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError, RcpAction, RcpActionInput } from '@maillage/shared';
import { Field } from '../../../ui/Field';
import { DateField } from '../../../ui/DateField';
import { Toast, useToast } from '../../../ui/Toast';
import { memberNameOr } from '../../directory/memberName';

interface Props {
  actions: RcpAction[];
  team: readonly string[];
  names: ReadonlyMap<string, string>;
  readOnly: boolean;
  /** Refusals of the decision, by field (`actions.<id>.owner`): shown under the action they name. */
  refusals: Record<string, string>;
  onAdd: (input: RcpActionInput) => FieldError[] | null;
  onUpdate: (id: string, patch: { owner?: string | null; due?: string | null }) => void;
  /** Removes the action; returns what adds it back, or null when refused. */
  onRemove: (action: RcpAction) => (() => void) | null;
}

export function RcpActions({ actions, team, names, readOnly, refusals, onAdd, onUpdate, onRemove }: Props) {
  const { t } = useTranslation();
  const empty = { text: '', owner: '', due: '' };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const nameOf = (id: string) => memberNameOr(names, id, t('concertation.unknownMember'));
  const { toast, show, close } = useToast();
  const remove = (action: RcpAction) => {
    const undo = onRemove(action);
    if (undo)
      show({
        message: t('rcp.actions.removed', { action: action.text }),
        actionLabel: t('catalogue.undo'),
        action: undo,
        focus: true,
      });
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    const failed = onAdd({ text: form.text, owner: form.owner || null, due: form.due || null });
    if (failed) return setErrors(Object.fromEntries(failed.map((e) => [e.field, e.message])));
    setErrors({});
    setForm(empty);
  };

  return (
    <div className="stack rcp-actions">
      <h3 id="rcp-actions-heading">{t('rcp.actions.heading')}</h3>
      {actions.length === 0 ? <p className="empty">{t('rcp.actions.empty')}</p> : null}
      <ul className="list" aria-labelledby="rcp-actions-heading">
        {actions.map((a) => {
          const refusal = refusals[`actions.${a.id}.owner`];
          return (
            <li key={a.id} className="stack tight" data-testid="rcp-action">
              <strong>{a.text}</strong>
              <div className="row wrap">
                <label className="inline-field">
                  <span>{t('rcp.actions.owner')}</span>
                  <select
                    aria-label={t('rcp.actions.ownerFor', { action: a.text })}
                    aria-invalid={refusal ? true : undefined}
                    aria-describedby={refusal ? `rcp-action-${a.id}-error` : undefined}
                    value={a.owner ?? ''}
                    disabled={readOnly}
                    onChange={(e) => onUpdate(a.id, { owner: e.target.value || null })}
                  >
                    <option value="">{t('rcp.actions.noOwner')}</option>
                    {team.map((id) => (
                      <option key={id} value={id}>
                        {nameOf(id)}
                      </option>
                    ))}
                  </select>
                </label>
                <DateField
                  id={`rcp-action-due-${a.id}`}
                  label={t('rcp.actions.due')}
                  ariaLabel={t('rcp.actions.dueFor', { action: a.text })}
                  value={a.due ?? ''}
                  disabled={readOnly}
                  onChange={(due) => onUpdate(a.id, { due: due || null })}
                />
                {!readOnly ? (
                  <button
                    type="button"
                    className="ghost small"
                    aria-label={t('rcp.actions.removeFor', { action: a.text })}
                    onClick={() => remove(a)}
                  >
                    {t('rcp.actions.remove')}
                  </button>
                ) : null}
              </div>
              {refusal ? (
                <p className="error" role="alert" id={`rcp-action-${a.id}-error`}>
                  {t(refusal)}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {!readOnly ? (
        <form className="stack" noValidate onSubmit={add} aria-labelledby="rcp-actions-add">
          <h4 id="rcp-actions-add" className="visually-hidden">
            {t('rcp.actions.add')}
          </h4>
          <Field id="rcp-action-text" label={t('rcp.actions.text')} error={errors.text && t(errors.text)}>
            <input
              id="rcp-action-text"
              value={form.text}
              maxLength={300}
              onChange={(e) => setForm({ ...form, text: e.target.value })}
            />
          </Field>
          <div className="row wrap">
            <Field id="rcp-action-owner" label={t('rcp.actions.owner')} error={errors.owner && t(errors.owner)}>
              <select
                id="rcp-action-owner"
                value={form.owner}
                onChange={(e) => setForm({ ...form, owner: e.target.value })}
              >
                <option value="">{t('rcp.actions.noOwner')}</option>
                {team.map((id) => (
                  <option key={id} value={id}>
                    {nameOf(id)}
                  </option>
                ))}
              </select>
            </Field>
            <DateField
              id="rcp-action-due"
              label={t('rcp.actions.due')}
              error={errors.due && t(errors.due)}
              value={form.due}
              onChange={(due) => setForm({ ...form, due })}
            />
          </div>
          <div>
            <button type="submit">{t('rcp.actions.add')}</button>
          </div>
        </form>
      ) : null}
      <Toast toast={toast} onClose={close} />
    </div>
  );
}
