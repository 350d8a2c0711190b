import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate } from "./server_Cfwlr2I7.mjs";
import { c as createComponent } from "./load-profile_DZh9tJF6.mjs";
import { t as $$Base } from "./Base_XsYKmPH-.mjs";
// site/src/pages/search/index.astro
var search_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(($$result, $$props, $$slots) => {
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"title": "Search",
		"description": "Search the partnership's plans, papers and pages."
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1 class="govuk-heading-l">Search this site</h1><div id="search" data-pagefind-ignore></div><p class="govuk-body" id="search-needs-js">Search needs JavaScript, which is turned off or has not loaded. You can find everything through <a class="govuk-link" href="/plans/">plans</a>, <a class="govuk-link" href="/papers/">board papers</a> and <a class="govuk-link" href="/performance/">performance</a>.</p><link rel="stylesheet" href="/pagefind/pagefind-ui.css"><script src="/pagefind/pagefind-ui.js"><\/script><script src="/assets/search.js"><\/script>` })}`;
}, "/work/main/site/src/pages/search/index.astro", void 0);
var $$file = "/work/main/site/src/pages/search/index.astro";
var $$url = "/search/";
// \0virtual:astro:page:src/pages/search/index@_@astro
var page = () => search_exports;
export { page };
