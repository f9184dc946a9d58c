// « jj/mm/aaaa » from an ISO day: the form a decision's title and the exports use, whatever the screen's language.
export const frenchDay = (iso: string): string => iso.split('-').reverse().join('/');
