// The RETEX to read and print (PDF through the browser's print): the crisis as recorded (who qualified it, when it was
// activated and ended, escalations, tasks, what the ACI counts), then the template's three answers. It goes with the
// plan's next yearly update, so it must leave the app on paper.
import '../protocol/protocol.css';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Layout } from '../../ui/Layout';
import { useSyncedDoc } from '../../sync/useSyncedDoc';
import { useCatalogue } from '../catalogue/useCatalogue';
import { useDirectory } from '../directory/DirectoryContext';
import { formatDate } from '../../i18n';
import { useActivation } from './useActivation';
import { useFollowUp } from './useFollowUp';
import { nameOf } from './crisisActor';
import { ActivationFacts } from './ActivationFacts';
import './crisisStrings';
import './crisis.css';

const ANSWERS = ['happened', 'worked', 'change'] as const;

export default function RetexPrintScreen({ workspaceId, docId }: { workspaceId: string; docId: string }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue(workspaceId);
  const { members } = useDirectory();
  const opened = useSyncedDoc(workspaceId, docId);
  const { snapshot } = useActivation(opened?.doc ?? null, false);
  const followUp = useFollowUp(opened?.doc ?? null);
  const activation = snapshot?.activation ?? null;
  const ended = Boolean(activation?.deactivatedAt);
  const name = (id: string | null) => (id ? nameOf(members, id, t('crisis.someone')) : t('crisis.someone'));
  const typology = followUp?.typology ?? activation?.typology ?? null;
  const retex = followUp?.retex ?? null;

  return (
    <Layout title={catalogue.name ?? undefined}>
      <div className="page stack reading retex-reading">
        <div className="row no-print">
          <Link to="/w/$workspaceId/crise/$docId" params={{ workspaceId, docId }}>
            ← {t('crisis.retexPrint.back')}
          </Link>
          <div className="spacer" />
          <button type="button" className="primary" onClick={() => window.print()} disabled={!ended}>
            {t('crisis.retexPrint.print')}
          </button>
        </div>
        {!activation || !followUp ? (
          <p className="empty" role="status">
            {t('crisis.loading')}
          </p>
        ) : !ended ? (
          <p role="alert">{t('crisis.retexPrint.notEnded')}</p>
        ) : (
          <article className="print-sheet stack" data-testid="crisis-retex-print">
            <h1>
              {t('crisis.retexPrint.title', { typology: t(`crisis.typologies.${typology ?? activation.typology}`) })}
            </h1>
            {activation.exercise ? <p>{t('crisis.exercise.shown', { scenario: activation.scenario })}</p> : null}
            <h2>{t('crisis.retexPrint.facts')}</h2>
            <ul>
              <ActivationFacts activation={activation} name={name} />
              <li>
                {t('crisis.figures.line', {
                  mobilised: followUp.counts.mobilised,
                  actions: followUp.counts.actionsDone,
                })}
              </li>
            </ul>
            {followUp.escalations.length > 0 ? (
              <>
                <h2>{t('crisis.retexPrint.escalations')}</h2>
                <ul>
                  {followUp.escalations.map((e) => (
                    <li key={e.id}>
                      {t('crisis.escalation.item', {
                        when: formatDate(e.at),
                        name: name(e.by),
                        what: [
                          e.group
                            ? t('crisis.escalation.alerted', { group: t(`crisis.escalation.groups.${e.group}`) })
                            : null,
                          e.typology
                            ? t('crisis.escalation.typologyChanged', { typology: t(`crisis.typologies.${e.typology}`) })
                            : null,
                        ]
                          .filter(Boolean)
                          .join(', '),
                        reason: e.reason,
                      })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {followUp.tasks.length > 0 ? (
              <>
                <h2>{t('crisis.retexPrint.tasks')}</h2>
                <ul>
                  {followUp.tasks.map((task) => (
                    <li key={task.id}>
                      {t('crisis.retexPrint.taskLine', {
                        task: task.text,
                        name: name(task.assignee),
                        status: t(`crisis.tasks.statuses.${task.status}`),
                      })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <h2>{t('crisis.retex.heading')}</h2>
            {retex ? (
              <p className="muted">
                {t('crisis.retex.saved', { name: name(retex.updatedBy), when: formatDate(retex.updatedAt) })}
              </p>
            ) : null}
            {ANSWERS.map((field) => (
              <section key={field} className="stack tight">
                <h3>{t(`crisis.retex.${field}`)}</h3>
                <p className="retex-answer">{retex?.[field] || t('crisis.retexPrint.empty')}</p>
              </section>
            ))}
          </article>
        )}
      </div>
    </Layout>
  );
}
