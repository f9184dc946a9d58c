// The words a plan's comparison prints, in the reader's language, and the annuaire's names for member ids.
import { useTranslation } from 'react-i18next';
import type { PlanWords } from '@maillage/shared';
import { useDirectory } from '../directory/DirectoryContext';

const KEYS: Record<string, string> = {
  governance: 'crisisPlan.governance.title',
  alertChain: 'crisisPlan.alert.title',
  places: 'crisisPlan.places.title',
};

export function usePlanWords(): PlanWords {
  const { t } = useTranslation();
  const { members } = useDirectory();
  return {
    label: (key) => {
      if (KEYS[key]) return t(KEYS[key]);
      if (key.startsWith('sheet.')) return t(`crisisPlan.sheets.fields.${key.slice(6)}`);
      if (key.startsWith('authority.')) return t(`crisisPlan.${key}`);
      if (
        key in
        { referentTitulaire: 1, referentSuppleant: 1, mainPlace: 1, fallbackPlace: 1, videoLink: 1, communication: 1 }
      )
        return t(`crisisPlan.governance.${key}`);
      return t(`crisisPlan.alert.${key}`);
    },
    typology: (ty) => t(`crisisPlan.typologies.${ty}`),
    nameOf: (id) => members.find((m) => m.memberId === id)?.name ?? '—',
  };
}
