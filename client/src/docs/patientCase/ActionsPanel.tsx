// The case's open actions: add one with its owner (from the team) and due date; reassign, reschedule, tick it done.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addAction, parisToday, updateAction, type CaseAction } from '@maillage/shared';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';

interface ActionsPanelProps {
  doc: Y.Doc;
  actions: CaseAction[];
  team: readonly string[];
  names: ReadonlyMap<string, string>;
  me: string;
  readOnly: boolean;
}

export function ActionsPanel({ doc, actions, team, names, me, readOnly }: ActionsPanelProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ text: '', owner: '', due: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const today = parisToday();
  const nameOf = (id: string) => names.get(id) ?? t('care.team.unknown');

  const add = (event: FormEvent) => {
    event.preventDefault();
    const result = addAction(doc, { text: form.text, owner: form.owner || null, due: form.due || null }, me);
    if (!result.ok) return setErrors(Object.fromEntries(result.errors.map((e) => [e.field, e.message])));
    setErrors({});
    setForm({ text: '', owner: '', due: '' });
  };

  const owners = (current: string | null) => {
    const ids = current && !team.includes(current) ? [...team, current] : team;
    return ids.map((id) => (
      <option key={id} value={id} disabled={!team.includes(id)}>
        {team.includes(id) ? nameOf(id) : t('care.actions.offTeam', { name: nameOf(id) })}
      </option>
    ));
  };

  return (
    <section className="card stack" aria-labelledby="case-actions">
      <h2 id="case-actions">{t('care.actions.heading')}</h2>
      {actions.length === 0 ? <p className="empty">{t('care.actions.empty')}</p> : null}
      <ul className="list actions" aria-label={t('care.actions.list')}>
        {actions.map((a) => (
          <li key={a.id} className={a.done ? 'done' : undefined}>
            <div className="row action-main">
              <label className="check grow">
                <input
                  type="checkbox"
                  checked={a.done}
                  disabled={readOnly}
                  aria-label={t('care.actions.doneFor', { action: a.text })}
                  onChange={(e) => updateAction(doc, a.id, { done: e.target.checked })}
                />
                <span className="action-text">{a.text}</span>
              </label>
              {a.due && !a.done && a.due < today ? (
                <span className="badge overdue">{t('care.actions.overdue')}</span>
              ) : null}
            </div>
            {/* The visible words begin each control's accessible name, which also names the action (WCAG 2.5.3). */}
            <div className="row action-controls">
              <label className="inline-field">
                <span>{t('care.actions.owner')}</span>
                <select
                  aria-label={t('care.actions.ownerFor', { action: a.text })}
                  value={a.owner ?? ''}
                  disabled={readOnly}
                  onChange={(e) => updateAction(doc, a.id, { owner: e.target.value || null })}
                >
                  <option value="">{t('care.actions.noOwner')}</option>
                  {owners(a.owner)}
                </select>
              </label>
              <DateField
                id={`action-due-${a.id}`}
                label={t('care.actions.due')}
                ariaLabel={t('care.actions.dueFor', { action: a.text })}
                value={a.due ?? ''}
                disabled={readOnly}
                onChange={(due) => updateAction(doc, a.id, { due: due || null })}
              />
            </div>
          </li>
        ))}
      </ul>
      {!readOnly ? (
        <form className="stack" noValidate onSubmit={add} aria-labelledby="case-actions-add">
          <h3 id="case-actions-add">{t('care.actions.add')}</h3>
          <Field id="action-text" label={t('care.actions.text')} error={errors.text && t(errors.text)}>
            <input id="action-text" value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} />
          </Field>
          <div className="grid">
            <Field id="action-owner" label={t('care.actions.owner')} error={errors.owner && t(errors.owner)}>
              <select
                id="action-owner"
                value={form.owner}
                onChange={(e) => setForm({ ...form, owner: e.target.value })}
              >
                <option value="">{t('care.actions.noOwner')}</option>
                {owners(null)}
              </select>
            </Field>
            <DateField
              id="action-due"
              label={t('care.actions.due')}
              error={errors.due && t(errors.due)}
              value={form.due}
              onChange={(due) => setForm({ ...form, due })}
            />
          </div>
          <div>
            <button type="submit">{t('care.actions.submit')}</button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
