// CloudFront Function (cloudfront-js-2.0), viewer request, site files only (not /api/*).
// The site is built as one index.html per folder (Astro's directory format), but S3 behind
// origin access control serves exact keys only: /report/ becomes /report/index.html, and
// /report (no trailing slash, no file extension) is redirected to /report/ with its query.
// A redirect only ever names a path on this site: runs of slashes and backslashes become one
// slash, so //evil.example/x or /\evil.example/x cannot become a protocol-relative address,
// and control characters (which browsers drop from URLs) are percent-encoded.
function sitePath(uri) {
  return uri.replace(/[\\/]+/g, '/').replace(/[\x00-\x20\x7f]/g, (c) => `%${`0${c.charCodeAt(0).toString(16)}`.slice(-2).toUpperCase()}`);
}

// biome-ignore lint/correctness/noUnusedVariables: CloudFront calls the function named handler.
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) {
    request.uri = `${uri}index.html`;
    return request;
  }
  var last = uri.slice(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') !== -1) return request;
  var parts = [];
  var query = request.querystring || {};
  Object.keys(query).forEach((name) => {
    var entry = query[name];
    var values = entry.multiValue ? entry.multiValue : [entry];
    values.forEach((v) => {
      // Values arrive as the viewer sent them (still URL-encoded): passed on unchanged,
      // except a bare space, which would not be valid in a Location header.
      parts.push(name + (v.value === '' ? '' : `=${v.value.split(' ').join('%20')}`));
    });
  });
  return {
    statusCode: 301,
    statusDescription: 'Moved Permanently',
    headers: { location: { value: `${sitePath(uri)}/${parts.length ? `?${parts.join('&')}` : ''}` } },
  };
}
