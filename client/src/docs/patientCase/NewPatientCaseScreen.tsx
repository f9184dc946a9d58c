// « Nouveau dossier de coordination »: the pseudonymised patient, the care team chosen from the annuaire, the patient
// informed. Nothing is created until everything is valid.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { DirectoryMember } from '@maillage/shared';
import { Layout } from '../../ui/Layout';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useDirectory } from '../directory/DirectoryContext';
import { useCatalogue } from '../catalogue/useCatalogue';
import { MemberPicker } from './MemberPicker';
import { PatientFields } from './PatientFields';
import { emptyPatientDraft, patientErrors, patientInputOf } from './patientDraft';
import { newPatientCase } from './newPatientCase';
import { TeamList } from './TeamList';
import './careStrings';
import './patientCase.css';

export default function NewPatientCaseScreen({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const workspace = useWorkspace();
  const catalogue = useCatalogue(workspaceId);
  const { members } = useDirectory();
  const [draft, setDraft] = useState(emptyPatientDraft);
  const [team, setTeam] = useState<DirectoryMember[]>([]);
  const [informed, setInformed] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const chosen = useMemo(() => [workspace.memberId, ...team.map((m) => m.memberId)], [workspace.memberId, team]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!catalogue.opened || busy) return;
    setBusy(true);
    const input = { patient: patientInputOf(draft), team: team.map((m) => m.memberId), patientInformed: informed };
    const result = await newPatientCase(workspace, input, (reference) => t('care.catalogueTitle', { reference }));
    setBusy(false);
    if (!result.ok) {
      setErrors({ ...patientErrors(result.errors), form: 'care.create.invalid' });
      // Keyboard and screen-reader users land on the first field to correct.
      return requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    }
    await navigate({ to: '/w/$workspaceId/dossiers/$docId', params: { workspaceId, docId: result.value.docId } });
  };

  return (
    <Layout title={catalogue.name ?? undefined}>
      <div className="narrow stack patient-case">
        <Link to="/w/$workspaceId/dossiers" params={{ workspaceId }}>
          ← {t('care.back')}
        </Link>
        <h1>{t('care.create.title')}</h1>
        <p className="muted">{t('care.create.intro')}</p>
        {workspace.role === 'observer' ? (
          <p role="alert">{t('roles.readOnly')}</p>
        ) : (
          <form
            ref={form}
            className="stack"
            onSubmit={(e) => void submit(e)}
            noValidate
            aria-labelledby="case-create-patient"
          >
            <section className="card stack" aria-labelledby="case-create-patient">
              <h2 id="case-create-patient">{t('care.create.patient')}</h2>
              <PatientFields idPrefix="new-case" draft={draft} errors={errors} onChange={setDraft} />
            </section>
            <section className="card stack" aria-labelledby="case-create-team">
              <h2 id="case-create-team">{t('care.create.team')}</h2>
              <p className="muted">{t('care.create.teamHint')}</p>
              <TeamList
                label={t('care.team.chosen')}
                memberIds={chosen}
                owner={workspace.memberId}
                me={workspace.memberId}
                members={members}
                onRemove={(id) => setTeam(team.filter((m) => m.memberId !== id))}
              />
              <MemberPicker
                id="new-case-search"
                members={members}
                exclude={chosen}
                onPick={(m) => setTeam([...team, m])}
              />
            </section>
            <div className="field">
              <label className="check">
                <input
                  type="checkbox"
                  checked={informed}
                  aria-invalid={errors.patientInformed ? true : undefined}
                  aria-describedby={errors.patientInformed ? 'new-case-informed-error' : undefined}
                  onChange={(e) => setInformed(e.target.checked)}
                />
                {t('care.create.informed')}
              </label>
              {errors.patientInformed ? (
                <p id="new-case-informed-error" className="error" role="alert">
                  {t(errors.patientInformed)}
                </p>
              ) : null}
            </div>
            {errors.form ? (
              <p className="error" role="alert">
                {t(errors.form)}
              </p>
            ) : null}
            <div className="row">
              <button type="submit" className="primary" disabled={!catalogue.opened || busy}>
                {busy ? t('care.create.creating') : t('care.create.submit')}
              </button>
              <Link to="/w/$workspaceId/dossiers" params={{ workspaceId }} className="button">
                {t('care.create.cancel')}
              </Link>
            </div>
          </form>
        )}
      </div>
    </Layout>
  );
}
