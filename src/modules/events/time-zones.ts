import { isTimeZone } from './schemas.ts';

/** The IANA zones a reader or an event may choose, in the order of their names. */
export const TIME_ZONES: readonly string[] = Intl.supportedValuesOf('timeZone').filter(isTimeZone);

export const timeZoneOptions = () => TIME_ZONES.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }));

export { isTimeZone };
