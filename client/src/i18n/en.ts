// English, second language: same keys as French (the type makes a missing key a compile error).
import type { Messages } from './fr';
import { enShell } from './en/shell';
import { enPeople } from './en/people';
import { enDocuments } from './en/documents';
import { enCare, enCareErrors } from './en/care';

export const en: Messages = { ...enShell, ...enPeople, ...enDocuments, ...enCare, errors: { ...enShell.errors, ...enCareErrors } };
