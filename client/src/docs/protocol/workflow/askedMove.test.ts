// Which protocol moves ask first, and that their question says what the move means before it happens.
import { beforeAll, describe, expect, it } from 'vitest';
import { TRANSITIONS, type ProtocolStatus } from '@maillage/shared';
import { i18n, i18nReady } from '../../../i18n';
import { addScreenStrings } from '../../../i18n/screenStrings';
import { frProtocolScreens } from '../../../i18n/fr/protocolScreens';
import { frNavigation } from '../../../i18n/fr/navigation';
import { askedMove, moveQuestion } from './askedMove';

beforeAll(async () => {
  await i18nReady;
  addScreenStrings(frNavigation);
  addScreenStrings(frProtocolScreens);
  await i18n.changeLanguage('fr');
});

/** Tests compare plain spaces: French typography's narrow ones are i18n's business. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const asked = (from: ProtocolStatus, to: ProtocolStatus, label: string) => {
  const q = moveQuestion(i18n.t, from, to, label);
  return { title: plain(q.title), what: q.what.map(plain).join(' | '), confirm: q.confirm };
};

describe('moves that ask first', () => {
  it('asks before archiving, stepping back or leaving the archive, never on the way to diffusion', () => {
    const kinds = (Object.keys(TRANSITIONS) as ProtocolStatus[]).flatMap((from) =>
      TRANSITIONS[from].map(({ to }) => `${from}→${to}:${askedMove(from, to) ?? '-'}`),
    );
    expect(kinds).toEqual([
      'brouillon→relecture:-',
      'brouillon→archive:archive',
      'relecture→valide_equipe:-',
      'relecture→brouillon:back',
      'relecture→archive:archive',
      'valide_equipe→soumis_cpam:-',
      'valide_equipe→relecture:back',
      'valide_equipe→archive:archive',
      'soumis_cpam→valide_cpam:-',
      'soumis_cpam→relecture:back',
      'soumis_cpam→archive:archive',
      'valide_cpam→diffuse:-',
      'valide_cpam→archive:archive',
      'diffuse→en_revision:-',
      'diffuse→archive:archive',
      'en_revision→relecture:-',
      'en_revision→archive:archive',
      'archive→en_revision:unarchive',
    ]);
  });

  it('says that archiving a diffused protocol takes it out of the diffused ones, and back only in revision', () => {
    const q = asked('diffuse', 'archive', 'Archiver');
    expect(q.title).toBe('Archiver ce protocole ?');
    expect(q.what).toContain('Il quitte « Diffusé » pour les archives');
    expect(q.what).toContain('Il sort des protocoles diffusés');
    expect(q.what).toContain('mais seulement en révision');
    expect(q.confirm).toBe('Archiver');
    // A draft archived was never diffused: the question does not say it was.
    expect(asked('brouillon', 'archive', 'Archiver').what).not.toContain('diffusés');
  });

  it('says what a step back undoes, and that leaving the archive reopens the protocol in revision', () => {
    const back = asked('valide_equipe', 'relecture', 'Renvoyer en relecture');
    expect(back.title).toBe('Renvoyer en relecture ?');
    expect(back.what).toContain('Il passe de « Validé par l’équipe » à « En relecture »');
    expect(back.what).toContain('l’équipe devra le valider de nouveau');
    expect(back.confirm).toBe('Renvoyer en relecture');
    const out = asked('archive', 'en_revision', 'Ressortir des archives');
    expect(out.title).toBe('Ressortir ce protocole des archives ?');
    expect(out.what).toContain('Il revient en révision, pas au statut qu’il avait avant l’archivage');
    expect(out.confirm).toBe('Ressortir en révision');
  });
});
