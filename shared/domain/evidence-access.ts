/**
 * Who may open a report's files. Photos and recordings show people, homes and voices, so a
 * partner gets them only where the profile says so (`evidence`), and by default only a
 * partner trusted with everything (`full`). Partnership officers always may.
 */
import type { DataLevel } from '../config/profile-schema';

export function partnerMaySeeEvidence(partner: { evidence?: boolean | undefined } | undefined, dataLevel: DataLevel): boolean {
  return partner?.evidence ?? dataLevel === 'full';
}
