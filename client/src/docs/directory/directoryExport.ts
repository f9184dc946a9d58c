// The annuaire leaves Maillage as CSV (for a spreadsheet: « ; » and a BOM, as French Excel expects) or vCard 4.0.
import type { DirectoryMember, Profession } from '@maillage/shared';
import { toCsv } from '../../ui/csv';

export function directoryCsv(
  members: readonly DirectoryMember[],
  headers: Record<string, string>,
  professionLabel: (p: Profession) => string,
  yesNo: (v: boolean | null) => string,
): string {
  const columns: [string, (m: DirectoryMember) => string][] = [
    ['name', (m) => m.name],
    ['profession', (m) => professionLabel(m.profession)],
    ['professionalId', (m) => m.professionalId],
    ['practiceName', (m) => m.practiceName],
    ['address', (m) => m.address],
    ['commune', (m) => m.commune],
    ['phone', (m) => m.phone],
    ['mssante', (m) => m.mssante],
    ['skills', (m) => m.skills.join(', ')],
    ['languages', (m) => m.languages.join(', ')],
    ['acceptsNewPatients', (m) => yesNo(m.acceptsNewPatients)],
    ['acceptsNewPatientsSince', (m) => m.acceptsNewPatientsSince ?? ''],
  ];
  return toCsv([columns.map(([key]) => headers[key] ?? key), ...members.map((m) => columns.map(([, get]) => get(m)))]);
}

/** RFC 6350 text escaping: backslash, comma, semicolon and newlines. */
const vText = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r?\n/g, '\\n');

export function directoryVCards(
  members: readonly DirectoryMember[],
  professionLabel: (p: Profession) => string,
): string {
  return members
    .map((m) => {
      const lines = [
        'BEGIN:VCARD',
        'VERSION:4.0',
        `FN:${vText(m.name)}`,
        `TITLE:${vText(professionLabel(m.profession))}`,
      ];
      if (m.practiceName) lines.push(`ORG:${vText(m.practiceName)}`);
      if (m.address || m.commune) lines.push(`ADR;TYPE=work:;;${vText(m.address)};${vText(m.commune)};;;France`);
      if (m.phone) lines.push(`TEL;TYPE=work,voice;VALUE=uri:tel:+33${m.phone.replace(/\s/g, '').slice(1)}`);
      if (m.mssante) lines.push(`EMAIL;TYPE=work:${m.mssante}`);
      if (m.languages.length) lines.push(...m.languages.map((l) => `LANG:${vText(l)}`));
      if (m.skills.length) lines.push(`NOTE:${vText(m.skills.join(', '))}`);
      lines.push(`UID:urn:maillage:member:${m.memberId}`, 'END:VCARD');
      return lines.join('\r\n');
    })
    .join('\r\n')
    .concat('\r\n');
}
