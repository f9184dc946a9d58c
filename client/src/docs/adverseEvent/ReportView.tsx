// One report in full, for its reporter and the quality référents: the facts, the status, the qualification (EIGS
// deadlines) and the retour au déclarant. Référents qualify, move the status and write the feedback here; once it is
// qualified, they add quality-plan actions, write the ALARM analysis (in the référents' room), put it on a CREX and
// publish its REX note.
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { registerRow } from '@maillage/shared';
import { formatDate } from '../../i18n';
import { FeedbackForm } from './FeedbackForm';
import { PlanActionForm } from './PlanActionForm';
import { QualifyForm } from './QualifyForm';
import { ReportAnalysis } from './ReportAnalysis';
import { RexNoteForm } from './RexNoteForm';
import { StatusMoves } from './StatusMoves';
import type { ReportSnapshot } from './useReportSnapshot';

interface Props {
  workspaceId: string;
  docId: string;
  doc: Y.Doc;
  snapshot: ReportSnapshot;
  me: string;
  referents: ReadonlySet<string>;
  pending: boolean;
}

export function ReportView({ workspaceId, docId, doc, snapshot, me, referents, pending }: Props) {
  const { t } = useTranslation();
  const { report, qualification, feedback } = snapshot;
  const isReferent = referents.has(me);
  const day = (iso: string) => formatDate(`${iso}T12:00:00Z`, false);
  const row = qualification ? registerRow(docId, doc) : null;

  return (
    <div className="stack">
      <p>
        <span className="badge">{t(`adverse.statuses.${report.status}`)}</span>{' '}
        {pending ? <span className="badge overdue">{t('adverse.pending')}</span> : null}
      </p>
      <dl className="details">
        <dt>{t('adverse.fields.when')}</dt>
        <dd>{formatDate(report.occurredAt)}</dd>
        <dt>{t('adverse.fields.place')}</dt>
        <dd>{t(`adverse.places.${report.place}`)}</dd>
        <dt>{t('adverse.fields.nature')}</dt>
        <dd>{t(`adverse.natures.${report.nature}`)}</dd>
        <dt>{t('adverse.fields.description')}</dt>
        <dd className="pre-wrap">{report.description}</dd>
        <dt>{t('adverse.fields.consequences')}</dt>
        <dd>{t(`adverse.consequenceValues.${report.consequences}`)}</dd>
        <dt>{t('adverse.fields.severity')}</dt>
        <dd>{t(`adverse.severity.${report.severity}`)}</dd>
        <dt>{t('adverse.fields.professions')}</dt>
        <dd>{report.professions.map((p) => t(`professions.${p}`)).join(', ') || '—'}</dd>
        <dt>{t('adverse.fields.immediateMeasures')}</dt>
        <dd className="pre-wrap">{report.immediateMeasures || '—'}</dd>
        <dt>{t('adverse.fields.patientInformed')}</dt>
        <dd>
          {report.patientInformed
            ? t('adverse.detail.informedOn', { date: report.patientInformedOn ? day(report.patientInformedOn) : '—' })
            : t('adverse.detail.informedNo')}
        </dd>
        <dt>{t('adverse.detail.reporter')}</dt>
        <dd>{report.reporterName || t('adverse.detail.anonymous')}</dd>
      </dl>
      {qualification ? (
        qualification.eigs ? (
          <div className="eigs-alert stack tight" role="note">
            <strong>
              {qualification.portalReference
                ? t('adverse.qualify.volet1Sent', { reference: qualification.portalReference })
                : t('adverse.qualify.volet1')}
            </strong>
            {qualification.volet2Due ? (
              <span>{t('adverse.qualify.volet2', { date: day(qualification.volet2Due) })}</span>
            ) : null}
          </div>
        ) : (
          <p className="muted">
            {t(`adverse.categories.${qualification.category}`)} · {t('adverse.qualify.notEigs')}
          </p>
        )
      ) : null}
      <section className="stack" aria-labelledby="feedback-title">
        <h2 id="feedback-title">{t('adverse.detail.feedback')}</h2>
        {isReferent ? (
          <FeedbackForm doc={doc} stored={feedback?.text ?? ''} me={me} referents={referents} />
        ) : feedback ? (
          <blockquote className="pre-wrap">{feedback.text}</blockquote>
        ) : (
          <p className="muted">{t('adverse.detail.feedbackNone')}</p>
        )}
      </section>
      {isReferent ? (
        <>
          {/* Keyed by status: a refusal said before the report moved on no longer stands. */}
          <StatusMoves
            key={report.status}
            docId={docId}
            doc={doc}
            status={report.status}
            me={me}
            referents={referents}
          />
          <QualifyForm
            docId={docId}
            doc={doc}
            me={me}
            referents={referents}
            current={qualification}
            reportedSeverity={report.severity}
          />
          {row ? (
            <>
              <PlanActionForm reportId={docId} me={me} referents={referents} />
              <ReportAnalysis workspaceId={workspaceId} report={doc} row={row} me={me} referents={referents} />
              <RexNoteForm reportId={docId} me={me} referents={referents} />
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
