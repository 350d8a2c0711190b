/**
 * The partnership's public profile (area and partner names), read from the data block
 * the workspace layout writes into each page, and the plain-English labels made from it.
 * Browsers are never sent the full profile: it holds partners' addresses.
 */
import type { PublicProfile } from '../../../../shared/config/public-profile';
import { labelsFor } from '../../../../shared/domain/labels';

export const workspaceProfile = JSON.parse(
  document.getElementById('public-profile')?.textContent || '{"areas":[],"partners":[]}',
) as PublicProfile;

export const labels = labelsFor(workspaceProfile);
