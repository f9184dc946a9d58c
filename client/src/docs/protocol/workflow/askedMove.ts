// Which protocol moves ask first, and what their question says: archiving, a step back and leaving the archive change
// what the team relies on, and none returns the protocol to the status it had (from the archive, only to revision).
import type { TFunction } from 'i18next';
import { moveKind, type ProtocolStatus } from '@maillage/shared';

export type AskedMove = 'archive' | 'back' | 'unarchive';

/** The kind of question a move needs, or null for a step on towards diffusion. */
export function askedMove(from: ProtocolStatus, to: ProtocolStatus): AskedMove | null {
  if (from === 'archive') return 'unarchive';
  const kind = moveKind(from, to);
  return kind === 'forward' ? null : kind;
}

export interface MoveQuestionText {
  title: string;
  /** What the move means, one paragraph each. */
  what: string[];
  confirm: string;
}

/** `label`: the move's button, which also confirms archiving and a step back. */
export function moveQuestion(t: TFunction, from: ProtocolStatus, to: ProtocolStatus, label: string): MoveQuestionText {
  const status = (s: ProtocolStatus) => t(`protocol.statuses.${s}`);
  if (askedMove(from, to) === 'unarchive')
    return {
      title: t('workflow.ask.unarchiveTitle'),
      what: [t('workflow.ask.unarchiveWhat')],
      confirm: t('workflow.ask.unarchiveConfirm'),
    };
  if (to === 'archive')
    return {
      title: t('workflow.ask.archiveTitle'),
      what: [
        t('workflow.ask.archiveWhat', { status: status(from) }),
        ...(from === 'diffuse' ? [t('workflow.ask.archiveDiffused')] : []),
        t('workflow.ask.archiveReturn'),
      ],
      confirm: label,
    };
  return {
    title: t('workflow.ask.backTitle', { move: label }),
    what: [t('workflow.ask.backWhat', { from: status(from), to: status(to) })],
    confirm: label,
  };
}
