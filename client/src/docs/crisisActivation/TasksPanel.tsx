// The cell's tasks: a row of the typology's sheet (or any task) given to a member, by when if the cell says so, and its
// status, moved by anyone of the cell. The assignee also finds theirs in « Pour vous ».
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TASK_STATUSES,
  taskLate,
  type CrisisTask,
  type DirectoryMember,
  type FieldError,
  type TaskInput,
  type TaskStatus,
} from '@maillage/shared';
import { Field } from '../../ui/Field';
import { TimeField } from '../../ui/TimeField';
import { formatDate } from '../../i18n';
import { dueFromTime } from './taskDue';

/** A task turns late while the screen stays open: looked at again this often. */
const LATE_EVERY_MS = 30_000;

interface Props {
  tasks: CrisisTask[];
  members: DirectoryMember[];
  /** The typology sheet's actions, offered as the task's text. */
  suggestions: string[];
  canWrite: boolean;
  nameOf: (memberId: string) => string;
  onAssign: (input: TaskInput) => FieldError[] | null;
  onStatus: (id: string, status: TaskStatus) => void;
}

export function TasksPanel({ tasks, members, suggestions, canWrite, nameOf, onAssign, onStatus }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [assignee, setAssignee] = useState('');
  const [due, setDue] = useState('');
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), LATE_EVERY_MS);
    return () => clearInterval(timer);
  }, []);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const errorOf = (field: string) => {
    const e = errors.find((x) => x.field === field);
    return e ? t(e.message) : false;
  };
  const submit = () => {
    const refused = onAssign({ text, assignee, due: due ? (dueFromTime(due) ?? 'invalide') : null });
    setErrors(refused ?? []);
    if (!refused) {
      setText('');
      setAssignee('');
      setDue('');
    }
  };
  return (
    <section className="stack card" aria-labelledby="crisis-tasks-heading" data-testid="crisis-tasks">
      <h2 id="crisis-tasks-heading">{t('crisis.tasks.heading')}</h2>
      {tasks.length === 0 ? (
        <p className="empty">{t('crisis.tasks.none')}</p>
      ) : (
        <ul className="plain stack tight">
          {tasks.map((task) => (
            <li key={task.id} className="row wrap">
              <span>
                {t('crisis.tasks.item', { task: task.text, name: nameOf(task.assignee) })}
                {task.due ? (
                  <span className="muted"> · {t('crisis.tasks.dueAt', { when: formatDate(task.due) })}</span>
                ) : null}
              </span>
              {taskLate(task, now) ? <span className="badge overdue">{t('crisis.tasks.late')}</span> : null}
              <select
                aria-label={t('crisis.tasks.statusFor', { task: task.text })}
                value={task.status}
                disabled={!canWrite}
                onChange={(e) => onStatus(task.id, e.target.value as TaskStatus)}
              >
                {TASK_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`crisis.tasks.statuses.${s}`)}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ul>
      )}
      {canWrite ? (
        <form
          className="stack"
          aria-label={t('crisis.tasks.submit')}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Field id="crisis-task-text" label={t('crisis.tasks.text')} error={errorOf('text')}>
            <input
              id="crisis-task-text"
              list="crisis-task-suggestions"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </Field>
          <datalist id="crisis-task-suggestions">
            {suggestions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <Field id="crisis-task-assignee" label={t('crisis.tasks.assignee')} error={errorOf('assignee')}>
            <select id="crisis-task-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
              <option value="">{t('crisis.tasks.choose')}</option>
              {members.map((m) => (
                <option key={m.memberId} value={m.memberId}>
                  {m.name}
                </option>
              ))}
            </select>
          </Field>
          <TimeField
            id="crisis-task-due"
            label={t('crisis.tasks.due')}
            value={due}
            onChange={setDue}
            error={errorOf('due')}
          />
          <p className="muted small">{t('crisis.tasks.dueHint')}</p>
          <div className="row">
            <button type="submit" className="primary">
              {t('crisis.tasks.submit')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
