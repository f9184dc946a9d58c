// French, the source language: every user-visible string, by concern in fr/; English mirrors the keys.
import { frShell } from './fr/shell';
import { frPeople } from './fr/people';
import { frDocuments } from './fr/documents';
import { frErrors } from './fr/errors';
import { frCare } from './fr/care';
import { frProtocol } from './fr/protocol';
import { frReview } from './fr/review';

export const fr = { ...frShell, ...frPeople, ...frDocuments, ...frErrors, ...frProtocol, ...frReview, ...frCare };

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof fr>;
