// The HAS method's plan for a protocole pluriprofessionnel: every section laid out with what goes in it, so a
// working group starts from the method rather than a blank page. Content of the document (French), not UI strings.
import * as Y from 'yjs';
import { protocolBody } from './layout';

export const HAS_TEMPLATE_SECTIONS: readonly { title: string; hint: string }[] = [
  {
    title: 'Situation et points critiques',
    hint: 'La situation clinique ciblée et les points critiques sur lesquels le protocole apporte une réponse.',
  },
  {
    title: 'Origine du besoin',
    hint: 'Ce qui a conduit l’équipe à écrire ce protocole : événements, difficultés, demandes.',
  },
  { title: 'Objectifs', hint: 'Ce que le protocole doit améliorer, pour les patients et pour l’équipe.' },
  { title: 'Population cible', hint: 'Critères d’inclusion, critères d’exclusion.' },
  { title: 'Professions concernées', hint: 'Les professionnels qui appliquent le protocole.' },
  { title: 'État des lieux', hint: 'Les pratiques actuelles, les ressources du territoire.' },
  { title: 'Étapes', hint: 'Ordre, délai, qui, quoi, où, comment, pourquoi, outils.' },
  { title: 'Rôle de chaque profession', hint: 'Ce que fait chaque professionnel, à quel moment.' },
  { title: 'Informations à partager', hint: 'Quelles informations, entre qui, par quel moyen (MSSanté, DMP…).' },
  {
    title: 'Place du patient et des aidants',
    hint: 'Information, consentement, éducation thérapeutique, rôle des aidants.',
  },
  { title: 'Références', hint: 'Recommandations HAS, littérature, consensus d’experts.' },
  { title: 'Indicateurs d’évaluation', hint: 'Indicateurs de processus et de résultat, source, cible.' },
  { title: 'Modalités de diffusion', hint: 'Auprès de qui, comment, et la date de la prochaine révision.' },
];

/** Lays the HAS sections into an empty body; a body that already holds text is left as it is. */
export function applyHasTemplate(doc: Y.Doc): boolean {
  const body = protocolBody(doc);
  if (body.length > 0) return false;
  const nodes: Y.XmlElement[] = [];
  for (const section of HAS_TEMPLATE_SECTIONS) {
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', '2');
    heading.insert(0, [new Y.XmlText(section.title)]);
    const hint = new Y.XmlElement('paragraph');
    hint.insert(0, [new Y.XmlText(section.hint)]);
    nodes.push(heading, hint);
  }
  doc.transact(() => body.insert(0, nodes));
  return true;
}
