import type { Organisation } from '../../platform/db/schema.ts';

export type EligibilityWarning = 'elig.fte' | 'elig.members' | 'elig.kinds' | 'elig.website';

type Counted = Pick<
  Organisation,
  | 'type'
  | 'management_fte'
  | 'members_sme'
  | 'members_large'
  | 'members_research'
  | 'members_public'
  | 'members_other'
  | 'website'
>;

export function totalMembers(o: Counted): number {
  return o.members_sme + o.members_large + o.members_research + o.members_public + o.members_other;
}

/**
 * The ECCP's criteria for a cluster organisation profile: at least 0.5 FTE of management, 15
 * members of at least two kinds, and a website. They are warnings for the editor, not refusals.
 */
export function eligibilityWarnings(o: Counted): EligibilityWarning[] {
  if (o.type !== 'cluster_organisation') return [];
  const out: EligibilityWarning[] = [];
  if ((o.management_fte ?? 0) < 0.5) out.push('elig.fte');
  if (totalMembers(o) < 15) out.push('elig.members');
  const kinds = [
    o.members_sme,
    o.members_large,
    o.members_research,
    o.members_public,
    o.members_other,
  ].filter((n) => n > 0);
  if (kinds.length < 2) out.push('elig.kinds');
  if (!o.website) out.push('elig.website');
  return out;
}

const MONTH = 30.44 * 86_400_000;

/** "Outdated" after 24 months without an update; a reminder goes out after 12. */
export function isOutdated(updatedAt: Date, now = new Date()): boolean {
  return now.getTime() - updatedAt.getTime() > 24 * MONTH;
}

export const STALE_REMINDER_MONTHS = 12;
export const monthsAgo = (months: number, now = new Date()) => new Date(now.getTime() - months * MONTH);

export function websiteHost(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}
