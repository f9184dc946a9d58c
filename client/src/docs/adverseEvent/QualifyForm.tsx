// The référent's qualification: category, confirmed severity, avoidability, EIGS criteria (then volet 1 « sans délai »
// and the portal's reference; volet 2 falls due at J+90). Refused in French where typed; nothing written.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  AVOIDABILITY,
  EIGS_CRITERIA,
  EVENT_CATEGORIES,
  SEVERITY_LEVELS,
  writeQualification,
  type Avoidability,
  type EigsCriterion,
  type EventCategory,
  type FieldError,
  type QualificationRecord,
} from '@maillage/shared';
import { Field } from '../../ui/Field';
import { ChoiceGroup } from './ChoiceGroup';
import { reportsChanged } from './reportEvents';

interface Props {
  docId: string;
  doc: Y.Doc;
  me: string;
  referents: ReadonlySet<string>;
  current: QualificationRecord | null;
  reportedSeverity: number;
}

export function QualifyForm({ docId, doc, me, referents, current, reportedSeverity }: Props) {
  const { t } = useTranslation();
  const [category, setCategory] = useState<EventCategory | null>(current?.category ?? null);
  const [severity, setSeverity] = useState<string>(String(current?.severity ?? reportedSeverity));
  const [avoidability, setAvoidability] = useState<Avoidability | null>(current?.avoidability ?? null);
  const [criteria, setCriteria] = useState<EigsCriterion[]>(current?.eigsCriteria ?? []);
  const [reference, setReference] = useState(current?.portalReference ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const errorOf = (field: string) => {
    const found = errors.find((e) => e.field === field);
    return found ? t(found.message) : false;
  };
  const options = <T extends string>(values: readonly T[], key: string) =>
    values.map((value) => ({ value, label: t([key, value].join('.')) }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = writeQualification(
      doc,
      {
        category: category ?? undefined,
        severity: Number(severity),
        avoidability: avoidability ?? undefined,
        eigs: criteria.length > 0,
        eigsCriteria: criteria,
        portalReference: reference,
      },
      me,
      referents,
    );
    setErrors(result.ok ? [] : result.errors);
    setSaved(result.ok);
    if (result.ok) reportsChanged(docId);
  };

  return (
    <form className="stack card" onSubmit={submit} noValidate aria-labelledby="qualify-title">
      <h2 id="qualify-title">{t('adverse.qualify.title')}</h2>
      <ChoiceGroup
        name="category"
        legend={t('adverse.qualify.category')}
        options={options(EVENT_CATEGORIES, 'adverse.categories')}
        selected={category}
        onChange={(c) => setCategory(c)}
        error={errorOf('category')}
      />
      <ChoiceGroup
        name="confirmed-severity"
        legend={t('adverse.qualify.severity')}
        options={options(SEVERITY_LEVELS.map(String), 'adverse.severity')}
        selected={severity}
        onChange={setSeverity}
        error={errorOf('severity')}
        stacked
      />
      <ChoiceGroup
        name="avoidability"
        legend={t('adverse.qualify.avoidability')}
        options={options(AVOIDABILITY, 'adverse.avoidability')}
        selected={avoidability}
        onChange={(a) => setAvoidability(a)}
        error={errorOf('avoidability')}
      />
      <ChoiceGroup
        name="eigs"
        legend={t('adverse.qualify.eigs')}
        hint={t('adverse.qualify.eigsHint')}
        options={options(EIGS_CRITERIA, 'adverse.eigsCriteria')}
        selected={criteria}
        onChange={(c, on) => setCriteria(on ? [...criteria, c] : criteria.filter((x) => x !== c))}
        error={errorOf('eigsCriteria') || errorOf('eigs')}
      />
      {criteria.length > 0 ? (
        <Field id="portal-reference" label={t('adverse.qualify.portalReference')} error={errorOf('portalReference')}>
          <input
            id="portal-reference"
            value={reference}
            maxLength={60}
            onChange={(e) => setReference(e.target.value)}
          />
        </Field>
      ) : null}
      <div className="row">
        <button type="submit" className="primary">
          {t('adverse.qualify.save')}
        </button>
      </div>
      {saved ? <p role="status">{t('adverse.qualify.saved')}</p> : null}
    </form>
  );
}
