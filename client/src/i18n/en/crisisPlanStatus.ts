// English, a crisis plan's status moves that ask first and the plans list's order: mirrors fr/crisisPlanStatus.ts.
export const enCrisisPlanStatus = {
  crisisPlanAsk: {
    archiveTitle: 'Archive this plan?',
    archiveWhat:
      'It leaves “{{status}}” for the archive: its text is frozen, and an activated crisis no longer follows it (leads, alert chain, sheets).',
    backTitle: 'Back to draft?',
    backWhat: 'It leaves “{{status}}”: it must be sent to the ARS and CPAM again, then validated and put in force.',
    unarchive: 'Take out of the archive',
    unarchiveTitle: 'Take this plan out of the archive?',
    unarchiveWhat:
      'It comes back as a draft, not in the status it had before it was archived: it must be sent to the ARS and CPAM again, then validated and put in force.',
    unarchiveConfirm: 'Take out as a draft',
  },
  crisisPlanList: {
    sortBy: 'Sort by',
    sort: { newest: 'Newest first', title: 'Title', status: 'Status' },
  },
};
