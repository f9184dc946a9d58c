// The HAS method's plan for a protocole pluriprofessionnel: the body's sections laid out as headings over empty
// paragraphs, so a working group starts from the method rather than a blank page. The guidance of each section is
// not text of the document: the editor shows it as a hint while the section is empty (client i18n `template.hints`).
// Steps, references and indicators are the protocol's tables, not body sections: they appear once, as tables.
import * as Y from 'yjs';
import { protocolBody } from './layout';

export const HAS_TEMPLATE_SECTIONS = [
  { id: 'situation', title: 'Situation et points critiques' },
  { id: 'origin', title: 'Origine du besoin' },
  { id: 'objectives', title: 'Objectifs' },
  { id: 'population', title: 'Population cible' },
  { id: 'professions', title: 'Professions concernées' },
  { id: 'currentPractice', title: 'État des lieux' },
  { id: 'roles', title: 'Rôle de chaque profession' },
  { id: 'sharing', title: 'Informations à partager' },
  { id: 'patient', title: 'Place du patient et des aidants' },
  { id: 'diffusion', title: 'Modalités de diffusion' },
] as const;
export type TemplateSectionId = (typeof HAS_TEMPLATE_SECTIONS)[number]['id'];

/** The template section a heading opens, by its text as the template wrote it. */
export function templateSectionOf(heading: string): TemplateSectionId | null {
  const text = heading.trim();
  return HAS_TEMPLATE_SECTIONS.find((s) => s.title === text)?.id ?? null;
}

/**
 * What the first template wrote into the text: a guidance paragraph under each heading, and
 * three headings the tables already show. Recognised so the print view can leave them out of older protocols.
 */
export const EARLIER_TEMPLATE_GUIDANCE: ReadonlyMap<string, string> = new Map([
  [
    'Situation et points critiques',
    'La situation clinique ciblée et les points critiques sur lesquels le protocole apporte une réponse.',
  ],
  ['Origine du besoin', 'Ce qui a conduit l’équipe à écrire ce protocole : événements, difficultés, demandes.'],
  ['Objectifs', 'Ce que le protocole doit améliorer, pour les patients et pour l’équipe.'],
  ['Population cible', 'Critères d’inclusion, critères d’exclusion.'],
  ['Professions concernées', 'Les professionnels qui appliquent le protocole.'],
  ['État des lieux', 'Les pratiques actuelles, les ressources du territoire.'],
  ['Étapes', 'Ordre, délai, qui, quoi, où, comment, pourquoi, outils.'],
  ['Rôle de chaque profession', 'Ce que fait chaque professionnel, à quel moment.'],
  ['Informations à partager', 'Quelles informations, entre qui, par quel moyen (MSSanté, DMP…).'],
  ['Place du patient et des aidants', 'Information, consentement, éducation thérapeutique, rôle des aidants.'],
  ['Références', 'Recommandations HAS, littérature, consensus d’experts.'],
  ['Indicateurs d’évaluation', 'Indicateurs de processus et de résultat, source, cible.'],
  ['Modalités de diffusion', 'Auprès de qui, comment, et la date de la prochaine révision.'],
]);
/** Headings of the first template that duplicate a table of the protocol. */
export const EARLIER_TABLE_HEADINGS: ReadonlySet<string> = new Set([
  'Étapes',
  'Références',
  'Indicateurs d’évaluation',
]);

/** Lays the HAS sections into an empty body; a body that already holds text is left as it is. */
export function applyHasTemplate(doc: Y.Doc): boolean {
  const body = protocolBody(doc);
  if (body.length > 0) return false;
  const nodes: Y.XmlElement[] = [];
  for (const section of HAS_TEMPLATE_SECTIONS) {
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', '2');
    heading.insert(0, [new Y.XmlText(section.title)]);
    nodes.push(heading, new Y.XmlElement('paragraph'));
  }
  doc.transact(() => body.insert(0, nodes));
  return true;
}
