import { E as unescapeHTML, _ as renderHead, c as renderComponent, f as renderSlot, h as renderTemplate, k as ASTRO_GENERATOR, l as Fragment } from "./server_Cfwlr2I7.mjs";
import { G as UnavailableAstroGlobal, X as AstroError } from "./errors-data_BblAWxQ4.mjs";
import { c as createComponent, t as defaultProfile } from "./load-profile_DZh9tJF6.mjs";
// node_modules/astro/dist/runtime/server/astro-global.js
function createError(name) {
	return new AstroError({
		...UnavailableAstroGlobal,
		message: UnavailableAstroGlobal.message(name)
	});
}
function createAstro(site) {
	return {
		get site() {
			console.warn(`Astro.site inside getStaticPaths is deprecated and will be removed in a future major version of Astro. Use import.meta.env.SITE instead`);
			return site ? new URL(site) : void 0;
		},
		get generator() {
			console.warn(`Astro.generator inside getStaticPaths is deprecated and will be removed in a future major version of Astro.`);
			return ASTRO_GENERATOR;
		},
		get callAction() {
			throw createError("callAction");
		},
		get clientAddress() {
			throw createError("clientAddress");
		},
		get cookies() {
			throw createError("cookies");
		},
		get csp() {
			throw createError("csp");
		},
		get currentLocale() {
			throw createError("currentLocale");
		},
		get getActionResult() {
			throw createError("getActionResult");
		},
		get isPrerendered() {
			throw createError("isPrerendered");
		},
		get locals() {
			throw createError("locals");
		},
		get originPathname() {
			throw createError("originPathname");
		},
		get params() {
			throw createError("params");
		},
		get preferredLocale() {
			throw createError("preferredLocale");
		},
		get preferredLocaleList() {
			throw createError("preferredLocaleList");
		},
		get props() {
			throw createError("props");
		},
		get redirect() {
			throw createError("redirect");
		},
		get request() {
			throw createError("request");
		},
		get response() {
			throw createError("response");
		},
		get rewrite() {
			throw createError("rewrite");
		},
		get routePattern() {
			throw createError("routePattern");
		},
		get self() {
			throw createError("self");
		},
		get slots() {
			throw createError("slots");
		},
		get url() {
			throw createError("url");
		},
		get session() {
			throw createError("session");
		},
		get cache() {
			throw createError("cache");
		},
		get logger() {
			throw createError("logger");
		}
	};
}
// shared/ui/escape.ts
/**
* Escaping for HTML pages and email bodies. Every value from a report passes through
* one of these; templates never interpolate raw strings (FixMyStreet's habit).
*/
var HTML_ESCAPES = {
	"&": "&amp;",
	"<": "&lt;",
	">": "&gt;",
	"\"": "&quot;",
	"'": "&#39;"
};
/** Escapes text for HTML element content and attribute values. */
function escapeHtml(value) {
	return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
// shared/ui/layout.ts
/**
* The page frame (head, header, footer) shared by the Astro site and the pages the API
* renders (form errors, confirmation), so both look and behave the same.
*/
var STYLESHEET = "/assets/portal.css";
/** Form components: only pages with a form load them. */
var FORMS_STYLESHEET = "/assets/forms.css";
var NAV_LINKS = [
	{
		href: "/report/",
		text: "Report a problem"
	},
	{
		href: "/plans/",
		text: "Plans"
	},
	{
		href: "/priorities/",
		text: "Priorities"
	},
	{
		href: "/papers/",
		text: "Board papers"
	},
	{
		href: "/performance/",
		text: "Performance"
	},
	{
		href: "/events/",
		text: "Events"
	},
	{
		href: "/search/",
		text: "Search"
	}
];
function headHtml(title, description = "", options = {}) {
	return `<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${description ? `<meta name="description" content="${escapeHtml(description)}">` : ""}
<meta name="theme-color" content="#1d3557">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${STYLESHEET}">${options.forms ? `\n<link rel="stylesheet" href="${FORMS_STYLESHEET}">` : ""}`;
}
function headerHtml(partnershipName) {
	return `<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<header class="portal-header">
  <div class="govuk-width-container">
    <a class="portal-header__name" href="/">${escapeHtml(partnershipName)}</a>
    <nav aria-label="Main">
      <ul class="portal-nav">${NAV_LINKS.map((l) => `<li><a href="${l.href}">${escapeHtml(l.text)}</a></li>`).join("")}</ul>
    </nav>
  </div>
</header>`;
}
function footerHtml() {
	return `<footer class="portal-footer">
  <div class="govuk-width-container">
    <h2 class="govuk-visually-hidden">Support links</h2>
    <ul>
      <li><a class="govuk-link" href="/privacy/">Privacy notice</a></li>
      <li><a class="govuk-link" href="/accessibility/">Accessibility statement</a></li>
      <li><a class="govuk-link" href="/you-said-we-did/">You said, we did</a></li>
      <li><a class="govuk-link" href="/papers/rss.xml">RSS feed</a></li>
    </ul>
    <p class="govuk-body-s portal-small-print">In an emergency call 999. For non-emergencies call 101.</p>
  </div>
</footer>`;
}
var $$Base = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Base;
	const { title, description = "", forms = false } = Astro.props;
	const profile = defaultProfile();
	return renderTemplate`<html lang="en-GB" class="govuk-template"><head>${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(headHtml(`${title} - ${profile.name}`, description, { forms }))}` })}${renderHead($$result)}</head><body class="govuk-template__body">${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(headerHtml(profile.name))}` })}<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">${renderSlot($$result, $$slots["default"])}</main></div>${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(footerHtml())}` })}</body></html>`;
}, "/work/main/site/src/layouts/Base.astro", void 0);
export { escapeHtml as n, createAstro as r, $$Base as t };
