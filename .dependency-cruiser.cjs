/**
 * The layering rules `npm run lint` enforces. Dependencies point inward:
 *   shared/contracts  shapes, vocabulary and value formats: imports only the profile schema
 *   shared/domain     pure rules: imports contracts and config types only
 *   shared/ui         HTML renderers: contracts, domain, config
 *   functions/<feature>/ use cases: shared/*, and the ports they declare themselves
 *   functions/adapters/  one per technology: implement the ports, never import a use case
 *   functions/<lambda>/handler.ts and dependencies.ts: the composition roots, free to wire
 *   site/src          the static site and browser scripts: shared/* only
 *   infra             CDK and the local stack: anything
 */
// One folder per deployed function: its handler and what only it uses.
const LAMBDA_FOLDERS = 'submit-report|report-status|report-confirmation|route-report|sweep-outbox|delivery-feedback|close-polls|cast-ballot|poll-start|poll-pages|openapi|sign-in-config|case-review-apply|case-review-statistics|import-polls|refresh-site-regions|evidence-page|process-evidence';
const USE_CASE_FOLDERS = '^functions/(reports|officer|polls|emails|case-reviews|case-review-apply|case-review-statistics|submit-report|report-status|report-confirmation|route-report|sweep-outbox|delivery-feedback|close-polls|cast-ballot|poll-start|poll-pages|openapi|sign-in-config|site-regions|import-polls|refresh-site-regions|evidence|evidence-page|process-evidence)/';
const COMPOSITION_ROOTS = '(handler|dependencies)\\.ts$';
// A feature's inner ring: its entities (records, inbox, online-counts) and the ports its
// use cases declare. Adapters implement and store these; they import nothing further in.
const INNER_RING = '^functions/[^/]+/(ports|records|inbox|online-counts)\\.ts$';
// HTTP entry points (the officer endpoints, the poll pages) speak HTTP through these helpers.
const HTTP_HELPERS = '^functions/adapters/http/';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'A cycle means two modules are one; split or merge them.', from: {}, to: { circular: true } },
    {
      name: 'shared-stays-portable',
      severity: 'error',
      comment: 'shared/ runs in the browser, at build time and in Lambda alike: it never reaches into functions, infra or the site.',
      from: { path: '^shared/' },
      to: { path: '^(functions|infra|site)/' },
    },
    {
      name: 'contracts-are-the-bottom',
      severity: 'error',
      comment: 'Contracts are what everything else agrees on: they import no rules, renderers or config loading (the profile schema is a contract too).',
      from: { path: '^shared/contracts/' },
      to: { path: '^shared/(domain|ui|config)/', pathNot: '^shared/config/profile-schema\\.ts$' },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'Domain rules are pure: no renderers, no profile loading, no Node or AWS modules.',
      from: { path: '^shared/domain/' },
      to: { path: ['^shared/ui/', '^shared/config/load-', '^shared/config/bundled-', '^node:', '^@aws-sdk/', '^@aws-lambda-powertools/'] },
    },
    {
      name: 'site-uses-shared-only',
      severity: 'error',
      comment: 'The site and its browser scripts share code through shared/, never with the functions or infra.',
      from: { path: '^site/src/' },
      to: { path: '^(functions|infra)/' },
    },
    {
      name: 'functions-never-import-infra',
      severity: 'error',
      comment: 'Functions are deployed on their own; infra wires them, not the other way round.',
      from: { path: '^functions/' },
      to: { path: '^infra/' },
    },
    {
      name: 'adapters-point-inward',
      severity: 'error',
      comment: 'An adapter implements a port a use case declares; it never imports the use case.',
      from: { path: '^functions/adapters/' },
      to: { path: USE_CASE_FOLDERS, pathNot: INNER_RING },
    },
    {
      name: 'lambdas-stay-apart',
      severity: 'error',
      comment: 'One function folder never imports another: what two functions share is a feature module (functions/reports, polls, officer).',
      from: { path: `^functions/(${LAMBDA_FOLDERS})/` },
      to: { path: `^functions/(${LAMBDA_FOLDERS})/`, pathNot: '^functions/$1/' },
    },
    {
      name: 'use-cases-own-their-ports',
      severity: 'error',
      comment: 'Use cases depend on the interfaces they declare; only composition roots (handler.ts, dependencies.ts) choose adapters.',
      from: { path: USE_CASE_FOLDERS, pathNot: COMPOSITION_ROOTS },
      to: { path: '^functions/adapters/', pathNot: HTTP_HELPERS },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|cdk\\.out|\\.data|\\.astro)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] },
  },
};
