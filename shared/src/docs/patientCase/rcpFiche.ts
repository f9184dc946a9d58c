// The fiche RCP of one case in one meeting. It lives in the case's own document, read by its care team only, never in
// the meeting's document, which participants outside the team may read (decision 0038). The texts are Tiptap
// fragments written live; the actions are drafts until the decision is recorded, which copies them into the case's
// open actions and writes « Décision RCP du … » into its timeline, in one transaction, or writes nothing.
// Its parts live in their own modules; this one keeps the fiche's public names in one place for its callers.
export {
  RCP_TEXT_FIELDS,
  rcpFragmentName,
  rcpFragment,
  rcpMeetingSchema,
  isRcpFicheWritable,
  openRcpFiche,
  type RcpTextField,
  type RcpMeeting,
  type RcpActionInput,
  type RcpAction,
  type RcpDecisionRecord,
} from './rcpFicheDoc';
export { addRcpAction, updateRcpAction, removeRcpAction } from './rcpActions';
export { fragmentPlainText } from './fragmentPlainText';
export { readRcpFiche, readRcpFiches, type RcpFiche } from './readRcpFiche';
export { setRcpReevaluation } from './rcpReevaluation';
export { recordRcpDecision } from './rcpDecision';
