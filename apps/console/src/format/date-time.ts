const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });

export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));

export const formatHours = (hours: number): string => `${decimal.format(hours)} h`;

/** A share as a percentage, or an em dash when there is nothing to take a share of. */
export const formatShare = (share: number | undefined): string =>
  share === undefined ? '—' : percent.format(share);
