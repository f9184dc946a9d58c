// @maillage/shared/domain: primary-care vocabulary and Paris dates, shared by the document kinds.
export * from './parisDays';
export * from './professions';
