/**
 * The pack's demonstration ASB Case Review applications (shared/config/demo-case-reviews.ts),
 * added once to a fresh local portal through the same store the portal uses, so the
 * officers' queue and the published figures have something to show. No emails are sent
 * for them, and one whose retention has ended is left out, as the table would have removed it.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { readDemoCaseReviews } from '../../shared/config/demo-case-reviews';
import { defaultProfile } from '../../shared/config/load-profile';
import { chosenPackDir } from '../../shared/config/partnership-pack';
import { newCaseReviewReference } from '../../shared/domain/reference';
import { expiresAt } from '../../shared/domain/retention';
import { createCaseReviewStore } from '../../functions/adapters/dynamodb/case-review-store';
import { partnersNamed } from '../../functions/case-reviews/apply';

/** Returns how many applications it added (0 if the pack has none, or the table has applications already). */
export async function seedSampleCaseReviews(client: DynamoDBClient, tableName: string, now: Date): Promise<number> {
  const profile = defaultProfile();
  const samples = readDemoCaseReviews(chosenPackDir(), profile);
  const store = createCaseReviewStore(client, tableName);
  if (!samples || (await store.listings()).length) return 0;
  let added = 0;
  for (const { id, application, progress } of samples) {
    const retention = expiresAt(new Date(progress.receivedAt), profile.caseReview.retentionDays);
    if (retention * 1000 <= now.getTime()) continue;
    const review = {
      ...progress,
      reference: newCaseReviewReference(),
      application,
      portalComplaints: [],
      reports: [],
      partners: partnersNamed(application, profile.partners),
      deliveries: {},
      expiresAt: retention,
    };
    const created = await store.create(review, [], { hash: `sample-case-review:${id}`, expiresAt: retention });
    if (created.outcome === 'created') added++;
  }
  return added;
}
