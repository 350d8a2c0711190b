// Starts Pagefind's search UI. A file rather than an inline script, so the
// Content-Security-Policy can forbid inline script.
(function () {
  if (typeof PagefindUI === 'undefined') return;
  document.getElementById('search-needs-js').hidden = true;
  new PagefindUI({ element: '#search', showSubResults: true, showImages: false, resetStyles: false });
})();
