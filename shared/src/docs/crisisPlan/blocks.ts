// A crisis plan read as blocks of plain text, in the order it prints: the rich-text sections, then governance, alert
// chain, crisis cell, places, and the five sheets. What the yearly update's comparison runs on (the protocol's diff).
import type * as Y from 'yjs';
import { fragmentBlocks, type Block } from '../protocol/blocks';
import { CRISIS_TYPOLOGIES, type CrisisTypology } from './typologies';
import {
  cellMembers,
  crisisPlaces,
  listSheetActions,
  planBody,
  readAlertChain,
  readCrisisPlanHeader,
  readGovernance,
  readTypologySheet,
} from './layout';
import { SHEET_FIELDS } from './schema';

/** The words a comparison prints (the client's translations) and the annuaire's names for member ids. */
export interface PlanWords {
  label: (key: string) => string;
  typology: (typology: CrisisTypology) => string;
  nameOf: (memberId: string) => string;
}

export function crisisPlanBlocks(doc: Y.Doc, words: PlanWords): Block[] {
  const { label } = words;
  const blocks: Block[] = [{ section: 'body', label: 'heading', text: readCrisisPlanHeader(doc).title }];
  blocks.push(...fragmentBlocks(planBody(doc)));
  const heading = (text: string) => blocks.push({ section: 'body', label: 'heading', text });
  // Empty fields say nothing: a line reads « Label : value » when it has a value.
  const line = (key: string, value: string) => {
    if (value.trim()) blocks.push({ section: 'body', label: `field:${key}`, text: `${label(key)} : ${value}` });
  };
  const g = readGovernance(doc);
  heading(label('governance'));
  line('referentTitulaire', g.referentTitulaire ? words.nameOf(g.referentTitulaire) : '');
  line('referentSuppleant', g.referentSuppleant ? words.nameOf(g.referentSuppleant) : '');
  line('mainPlace', g.mainPlace);
  line('fallbackPlace', g.fallbackPlace);
  line('videoLink', g.videoLink);
  line('communication', g.communication);
  for (const m of cellMembers.list(doc))
    blocks.push({
      section: 'body',
      label: 'cell',
      text: [m.name, m.organisation, m.role, m.phone].filter(Boolean).join(' · '),
    });
  const a = readAlertChain(doc);
  heading(label('alertChain'));
  line('issuers', a.issuers.map((i) => label(`authority.${i}`)).join(', '));
  line('channel', a.channel);
  line('onCallNumber', a.onCallNumber);
  line('cascade', a.cascade);
  line('acknowledgement', a.acknowledgement);
  line('escalationMinutes', a.escalationMinutes === null ? '' : String(a.escalationMinutes));
  heading(label('places'));
  for (const p of crisisPlaces.list(doc))
    blocks.push({
      section: 'body',
      label: 'place',
      text: [
        p.name,
        p.address,
        p.capacity === null ? '' : String(p.capacity),
        p.typologies.map(words.typology).join(', '),
      ]
        .filter(Boolean)
        .join(' · '),
    });
  for (const typology of CRISIS_TYPOLOGIES) {
    heading(words.typology(typology));
    const sheet = readTypologySheet(doc, typology);
    for (const f of SHEET_FIELDS) line(`sheet.${f}`, sheet[f]);
    for (const action of listSheetActions(doc, typology))
      blocks.push({
        section: 'body',
        label: `action:${typology}`,
        text: [action.what, action.who, action.when].filter(Boolean).join(' · '),
      });
  }
  return blocks;
}
