// The question a protocol move asks before it happens (archiving, a step back, leaving the archive): what it means.
import { useTranslation } from 'react-i18next';
import type { ProtocolStatus } from '@maillage/shared';
import ConfirmDialog from '../../../ui/ConfirmDialog';
import { moveQuestion } from './askedMove';

interface Props {
  from: ProtocolStatus;
  to: ProtocolStatus;
  label: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export default function MoveQuestion({ from, to, label, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const question = moveQuestion(t, from, to, label);
  return (
    <ConfirmDialog title={question.title} confirmLabel={question.confirm} onConfirm={onConfirm} onCancel={onCancel}>
      {question.what.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </ConfirmDialog>
  );
}
