/** GET /api/openapi.json: the API description, generated once per container. */
import { bundledProfile } from '../../shared/config/bundled-profile';
import { httpHandler } from '../adapters/http/middleware';
import { json } from '../adapters/http/responses';
import { openApiDocument } from './openapi-document';

let document: Record<string, unknown> | undefined;

export const handler = httpHandler(async () => {
  document ??= openApiDocument(bundledProfile);
  return json(200, document);
}, bundledProfile.name);
