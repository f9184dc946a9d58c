// Prints one case's compte rendu alone: the body carries a class for the print CSS while the dialog is open, and on
// the case's screen, which lists one per meeting, the chosen one is marked.
const PRINTING = 'print-case-cr';
const TARGET = 'print-target';

export function printCaseMinutes(target: Element | null = null): void {
  document.body.classList.add(PRINTING);
  target?.classList.add(TARGET);
  const done = () => {
    document.body.classList.remove(PRINTING);
    target?.classList.remove(TARGET);
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}
