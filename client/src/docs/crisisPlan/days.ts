// A calendar day (ISO, already a Paris day) as French readers write it: jj/mm/aaaa.
export const dayLabel = (isoDay: string): string => {
  const [y, m, d] = isoDay.slice(0, 10).split('-');
  return y && m && d ? `${d}/${m}/${y}` : isoDay;
};
