// Where each structured part of a crisis plan lives in its Y.Doc; the rich-text sections are the protocol's body.
import type * as Y from 'yjs';
import { PROTOCOL_BODY_FIELD } from '../protocol/layout';

export const header = (doc: Y.Doc) => doc.getMap<unknown>('header');
export const governanceMap = (doc: Y.Doc) => doc.getMap<unknown>('governance');
export const alertMap = (doc: Y.Doc) => doc.getMap<unknown>('alertChain');
export const cellMap = (doc: Y.Doc) => doc.getMap<unknown>('cell');
export const placesMap = (doc: Y.Doc) => doc.getMap<unknown>('places');
export const sheetsMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('sheets');
export const actionsMap = (doc: Y.Doc) => doc.getMap<unknown>('actions');
export const planBody = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(PROTOCOL_BODY_FIELD);
