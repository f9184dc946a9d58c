// The case's header: the pseudonymised patient at a glance (fragility, médecin traitant, pathway), editable in place;
// closing the case asks first (reopening does not).
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { isSeventyOrMore, setCaseStatus, updatePatient, type CaseStatus, type Patient } from '@maillage/shared';
import { PatientFields } from './PatientFields';
import { draftOf, patientErrors, patientInputOf, type PatientDraft } from './patientDraft';

const ConfirmDialog = lazy(() => import('../../ui/ConfirmDialog'));

interface PatientHeaderProps {
  doc: Y.Doc;
  patient: Patient;
  status: CaseStatus;
  readOnly: boolean;
  /** Closing (and reopening) the case is for its creator and the coordinators. */
  mayClose: boolean;
}

export function PatientHeader({ doc, patient, status, readOnly, mayClose }: PatientHeaderProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<PatientDraft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [closing, setClosing] = useState(false);

  const save = () => {
    if (!draft) return;
    const result = updatePatient(doc, patientInputOf(draft));
    if (!result.ok) return setErrors(patientErrors(result.errors));
    setErrors({});
    setDraft(null);
  };

  const facts = [
    patient.initials,
    t(`care.patient.sexes.${patient.sex}`),
    // French agrees with the patient's sex as recorded: « née en 1942 », « né en 1950 », « né·e » when not said.
    t('care.patient.born', { year: patient.birthYear, context: patient.sex === 'X' ? undefined : patient.sex }),
    patient.commune,
  ].filter(Boolean);
  const chips = [
    ...patient.fragility.map((f) => t(`care.patient.fragilities.${f}`)),
    ...(isSeventyOrMore(patient.birthYear) ? [t('care.patient.seventyPlus')] : []),
  ];

  return (
    <section className="card stack" aria-labelledby="case-patient">
      <div className="row">
        <h2 id="case-patient">{t('care.patient.heading')}</h2>
        <span className={`badge status-${status}`}>{t(`care.statuses.${status}`)}</span>
        <div className="spacer" />
        {!readOnly && !draft ? (
          <button type="button" className="small" onClick={() => setDraft(draftOf(patient))}>
            {t('care.patient.edit')}
          </button>
        ) : null}
        {!readOnly && mayClose && !draft ? (
          <button
            type="button"
            className="ghost small"
            onClick={() => (status === 'clos' ? setCaseStatus(doc, 'en_cours') : setClosing(true))}
          >
            {t(status === 'clos' ? 'care.patient.reopen' : 'care.patient.close')}
          </button>
        ) : null}
      </div>
      {closing ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            title={t('care.patient.closeTitle')}
            confirmLabel={t('care.patient.close')}
            onConfirm={() => {
              setClosing(false);
              setCaseStatus(doc, 'clos');
            }}
            onCancel={() => setClosing(false)}
          >
            <p>{t('care.patient.closeWhat')}</p>
            <p>{t('care.patient.closeReopen')}</p>
          </ConfirmDialog>
        </Suspense>
      ) : null}
      {draft ? (
        <form
          className="stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <PatientFields idPrefix="case-edit" draft={draft} errors={errors} onChange={setDraft} />
          <div className="row">
            <button type="submit" className="primary">
              {t('care.patient.save')}
            </button>
            <button
              type="button"
              onClick={() => {
                setDraft(null);
                setErrors({});
              }}
            >
              {t('care.patient.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="patient-id">{facts.join(' · ')}</p>
          <dl className="facts" aria-label={t('care.patient.summary')}>
            <div>
              <dt>{t('care.patient.mtStatus')}</dt>
              <dd className={patient.mtStatus === 'sans_mt' ? 'flag' : undefined}>
                {t(`care.patient.mtStatuses.${patient.mtStatus}`)}
              </dd>
            </div>
            <div>
              <dt>{t('care.patient.fragility')}</dt>
              <dd>
                {chips.length > 0
                  ? chips.map((c) => (
                      <span key={c} className="badge chip">
                        {c}
                      </span>
                    ))
                  : '—'}
              </dd>
            </div>
            <div>
              <dt>{t('care.patient.pathway')}</dt>
              <dd>{patient.pathway || '—'}</dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}
