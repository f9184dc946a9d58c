// The protocol's three structured tables (HAS 2015): the steps (qui fait quoi, quand, où, comment, pourquoi, avec
// quels outils), the references with their kind of evidence, and the evaluation indicators.
import type { RowKind } from './rows';

export const STEP_FIELDS = ['delai', 'qui', 'quoi', 'ou', 'comment', 'pourquoi', 'outils'] as const;
export type StepField = (typeof STEP_FIELDS)[number];
export const STEPS: RowKind<StepField, never> = {
  name: 'steps',
  texts: STEP_FIELDS,
  choices: {},
  maxRows: 200,
  maxLength: 2000,
};

export const REFERENCE_TYPES = ['reco_has', 'litterature', 'consensus'] as const;
export const REFERENCES: RowKind<'source', 'type'> = {
  name: 'references',
  texts: ['source'],
  choices: { type: REFERENCE_TYPES },
  maxRows: 200,
  maxLength: 1000,
};

export const INDICATOR_TYPES = ['processus', 'resultat'] as const;
export const INDICATORS: RowKind<'libelle' | 'source' | 'cible', 'type'> = {
  name: 'indicators',
  texts: ['libelle', 'source', 'cible'],
  choices: { type: INDICATOR_TYPES },
  maxRows: 100,
  maxLength: 500,
};

export const PROTOCOL_TABLES = [STEPS, REFERENCES, INDICATORS] as const;
