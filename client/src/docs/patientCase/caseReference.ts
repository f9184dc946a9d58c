// A case's neutral reference, from its random id: what the shared catalogue shows instead of anything about the patient.
export function caseReference(docId: string): string {
  return docId
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 6)
    .toUpperCase();
}
