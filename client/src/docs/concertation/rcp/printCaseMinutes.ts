// Prints the case's compte rendu alone: the body carries a class for the print CSS while the dialog is open.
const PRINTING = 'print-case-cr';

export function printCaseMinutes(): void {
  document.body.classList.add(PRINTING);
  const done = () => {
    document.body.classList.remove(PRINTING);
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}
