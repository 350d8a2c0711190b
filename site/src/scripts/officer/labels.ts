/** Plain-English labels for ids the API returns: the shared labels, for this partnership. */
import { bundledProfile } from '../../../../shared/config/bundled-profile';
import { labelsFor } from '../../../../shared/domain/labels';

export const labels = labelsFor(bundledProfile);
