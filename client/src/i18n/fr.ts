// French, the source language: every user-visible string, by concern in fr/; English mirrors the keys.
import { frShell } from './fr/shell';
import { frPeople } from './fr/people';
import { frDocuments } from './fr/documents';

export const fr = { ...frShell, ...frPeople, ...frDocuments };

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof fr>;
