// CloudFront Function (cloudfront-js-2.0), viewer request, for the pages a function renders
// (/polls*). Links name them with a trailing slash, as every page of the site; the HTTP API's
// routes (/polls, /polls/{id}, /polls/{id}/vote) are matched without one, so it is dropped on
// the way to the API. The address the resident sees does not change.
// biome-ignore lint/correctness/noUnusedVariables: CloudFront calls the function named handler.
function handler(event) {
  var request = event.request;
  if (request.uri.length > 1 && request.uri.endsWith('/')) request.uri = request.uri.slice(0, -1);
  return request;
}
