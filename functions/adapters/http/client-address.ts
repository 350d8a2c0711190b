/**
 * The resident's address, for rate limits and duplicate detection (hashed, never stored
 * plain). Behind CloudFront the API sees an edge server's address as the source; CloudFront
 * sends the viewer's own in `CloudFront-Viewer-Address` ("ip:port"), which the stack's origin
 * request policy forwards. Locally there is no CloudFront and the source address is the viewer.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export function clientAddress(event: Pick<APIGatewayProxyEventV2, 'headers' | 'requestContext'>): string {
  const viewer = event.headers['cloudfront-viewer-address'];
  // The port follows the last colon (IPv6 addresses contain colons of their own).
  const ip = viewer?.slice(0, viewer.lastIndexOf(':')).trim();
  return ip && /^[0-9a-fA-F.:]+$/.test(ip) ? ip : event.requestContext.http.sourceIp;
}
