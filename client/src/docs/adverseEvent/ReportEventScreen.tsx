// « Signaler un événement »: the fiche in a dozen taps on a phone, saved on this device at once (no network needed),
// after a warning when the text seems to name someone, then sent to the quality référents in the background.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  CONSEQUENCES,
  EVENT_NATURES,
  EVENT_PLACES,
  identityWarnings,
  parisToday,
  PROFESSIONS,
  SEVERITY_LEVELS,
  type FieldError,
  type IdentityWarning,
} from '@maillage/shared';
import { Layout } from '../../ui/Layout';
import { DateField } from '../../ui/DateField';
import { TimeField } from '../../ui/TimeField';
import { Field } from '../../ui/Field';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useDirectory } from '../directory/DirectoryContext';
import { ChoiceGroup } from './ChoiceGroup';
import { DraftRestoredNotice } from './DraftRestoredNotice';
import { draftInput, type ReportDraft } from './reportDraft';
import { useReportDraft } from './useReportDraft';
import { newReport } from './newReport';
import { whenIdle } from './yieldToInput';
import { readAhead } from './useRegister';
import { useGroups } from '../groups/GroupsContext';
import './adverseStrings';
import './adverseEvent.css';

/** The longest the events screen's code waits for the browser to be idle before it is loaded. */
const PRELOAD_WAIT_MS = 2000;

export default function ReportEventScreen({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const workspace = useWorkspace();
  const { members } = useDirectory();
  const { draft, restored, change, discard, saved } = useReportDraft({ workspaceId, memberId: workspace.memberId });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [warnings, setWarnings] = useState<IdentityWarning[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);
  const description = useRef<HTMLTextAreaElement>(null);
  const router = useRouter();
  const { governance } = useGroups();
  useEffect(() => {
    // The screen « Envoyer » leads to: its code loaded and its register read while the form is filled in, not after
    // the tap.
    let left = false;
    void whenIdle(PRELOAD_WAIT_MS).then(() => {
      if (left) return;
      router.preloadRoute({ to: '/w/$workspaceId/evenements', params: { workspaceId } }).catch(() => undefined);
      if (governance) void readAhead(governance.doc, () => left);
    });
    return () => {
      left = true;
    };
  }, [router, workspaceId, governance]);
  const set = (patch: Partial<ReportDraft>) => {
    change(patch);
    setWarnings(null);
  };
  const errorOf = (field: string) => {
    const found = errors.find((e) => e.field === field);
    return found ? t(found.message) : false;
  };

  const save = async (confirmed: boolean) => {
    const text = `${draft.description}\n${draft.immediateMeasures}`;
    const found = identityWarnings(
      text,
      members.map((m) => m.name),
    );
    if (found.length > 0 && !confirmed) return setWarnings(found);
    setSaving(true);
    setFailed(false);
    let result: Awaited<ReturnType<typeof newReport>>;
    try {
      result = await newReport(workspace, draftInput(draft));
    } catch (error) {
      console.error('adverse.saveFailed', error);
      return setFailed(true);
    } finally {
      setSaving(false);
    }
    if (!result.ok) return setErrors(result.errors);
    saved();
    await navigate({ to: '/w/$workspaceId/evenements', params: { workspaceId } });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };
  const options = <T extends string>(values: readonly T[], key: string) =>
    values.map((value) => ({ value, label: t([key, value].join('.')) }));

  return (
    <Layout>
      <div className="page narrow stack report-form">
        <Link to="/w/$workspaceId/evenements" params={{ workspaceId }}>
          ← {t('adverse.back')}
        </Link>
        <h1>{t('adverse.reportTitle')}</h1>
        <p className="muted">{t('adverse.reportIntro')}</p>
        {restored ? (
          <DraftRestoredNotice
            onDiscard={() => {
              discard();
              setErrors([]);
              setWarnings(null);
              setFailed(false);
            }}
          />
        ) : null}
        <form className="stack" onSubmit={submit} noValidate>
          <fieldset className="plain">
            <legend>{t('adverse.fields.when')}</legend>
            <div className="row wrap">
              <DateField
                id="report-day"
                label={t('adverse.fields.day')}
                value={draft.day}
                max={parisToday()}
                onChange={(day) => set({ day })}
                error={errorOf('occurredAt')}
              />
              <TimeField
                id="report-time"
                label={t('adverse.fields.time')}
                value={draft.time}
                onChange={(time) => set({ time })}
              />
            </div>
          </fieldset>
          <ChoiceGroup
            name="place"
            legend={t('adverse.fields.place')}
            options={options(EVENT_PLACES, 'adverse.places')}
            selected={draft.place}
            onChange={(place) => set({ place })}
            error={errorOf('place')}
          />
          <Field
            id="report-description"
            label={t('adverse.fields.description')}
            hint={t('adverse.fields.descriptionHint')}
            error={errorOf('description')}
          >
            <textarea
              ref={description}
              id="report-description"
              value={draft.description}
              maxLength={4000}
              onChange={(e) => set({ description: e.target.value })}
            />
          </Field>
          <ChoiceGroup
            name="nature"
            legend={t('adverse.fields.nature')}
            options={options(EVENT_NATURES, 'adverse.natures')}
            selected={draft.nature}
            onChange={(nature) => set({ nature })}
            error={errorOf('nature')}
            stacked
          />
          <ChoiceGroup
            name="consequences"
            legend={t('adverse.fields.consequences')}
            options={options(CONSEQUENCES, 'adverse.consequenceValues')}
            selected={draft.consequences}
            onChange={(consequences) => set({ consequences })}
            error={errorOf('consequences')}
          />
          <ChoiceGroup
            name="severity"
            legend={t('adverse.fields.severity')}
            options={options(SEVERITY_LEVELS.map(String), 'adverse.severity')}
            selected={draft.severity}
            onChange={(severity) => set({ severity })}
            error={errorOf('severity')}
            stacked
          />
          <ChoiceGroup
            name="professions"
            legend={t('adverse.fields.professions')}
            hint={t('adverse.fields.professionsHint')}
            options={options(PROFESSIONS, 'professions')}
            selected={draft.professions}
            onChange={(p, on) =>
              set({ professions: on ? [...draft.professions, p] : draft.professions.filter((x) => x !== p) })
            }
          />
          <Field
            id="report-measures"
            label={t('adverse.fields.immediateMeasures')}
            error={errorOf('immediateMeasures')}
          >
            <textarea
              id="report-measures"
              value={draft.immediateMeasures}
              maxLength={2000}
              onChange={(e) => set({ immediateMeasures: e.target.value })}
            />
          </Field>
          <ChoiceGroup
            name="informed"
            legend={t('adverse.fields.patientInformed')}
            options={[
              { value: 'yes' as const, label: t('adverse.yes') },
              { value: 'no' as const, label: t('adverse.no') },
            ]}
            selected={draft.informed}
            onChange={(informed) => set({ informed })}
            error={errorOf('patientInformed')}
          />
          {draft.informed === 'yes' ? (
            <DateField
              id="report-informed-on"
              label={t('adverse.fields.patientInformedOn')}
              value={draft.informedOn}
              max={parisToday()}
              onChange={(informedOn) => set({ informedOn })}
              error={errorOf('patientInformedOn')}
            />
          ) : null}
          <Field id="report-name" label={t('adverse.fields.reporterName')}>
            <input
              id="report-name"
              value={draft.reporterName}
              maxLength={80}
              autoComplete="name"
              onChange={(e) => set({ reporterName: e.target.value })}
            />
          </Field>
          {warnings ? (
            <section className="identity-warnings stack" role="alert" aria-labelledby="identity-warnings-title">
              <h2 id="identity-warnings-title">{t('adverse.warnings.title')}</h2>
              <p>{t('adverse.warnings.intro')}</p>
              <ul>
                {warnings.map((w, i) => (
                  <li key={i}>{t(`adverse.warnings.${w.kind}`, { found: w.found })}</li>
                ))}
              </ul>
              <div className="row wrap">
                <button
                  type="button"
                  className="primary"
                  onClick={() => {
                    setWarnings(null);
                    description.current?.focus();
                  }}
                >
                  {t('adverse.warnings.rephrase')}
                </button>
                <button type="button" onClick={() => void save(true)} disabled={saving}>
                  {t('adverse.warnings.sendAnyway')}
                </button>
              </div>
            </section>
          ) : (
            <div className="row">
              <button type="submit" className="primary" disabled={saving}>
                {t('adverse.send')}
              </button>
            </div>
          )}
          {failed ? (
            <p className="error" role="alert">
              {t('adverse.saveFailed')}
            </p>
          ) : null}
        </form>
      </div>
    </Layout>
  );
}
