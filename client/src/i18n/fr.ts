// French, the source language: every user-visible string, by concern in fr/; English mirrors the keys.
import { frShell } from './fr/shell';
import { frPeople } from './fr/people';
import { frDocuments } from './fr/documents';
import { frCare, frCareErrors } from './fr/care';

export const fr = { ...frShell, ...frPeople, ...frDocuments, ...frCare, errors: { ...frShell.errors, ...frCareErrors } };

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof fr>;
