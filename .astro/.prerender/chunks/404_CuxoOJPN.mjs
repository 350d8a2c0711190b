import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate } from "./server_Cfwlr2I7.mjs";
import { c as createComponent } from "./load-profile_DZh9tJF6.mjs";
import { t as $$Base } from "./Base_XsYKmPH-.mjs";
// site/src/pages/404.astro
var _404_exports = /* @__PURE__ */ __exportAll({
	default: () => $$404,
	file: () => $$file,
	url: () => $$url
});
var $$404 = createComponent(($$result, $$props, $$slots) => {
	return renderTemplate`${renderComponent($$result, "Base", $$Base, { "title": "Page not found" }, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1 class="govuk-heading-l">Page not found</h1><p class="govuk-body">If you typed the web address, check it is correct.</p><p class="govuk-body">If you pasted the web address, check you copied the entire address.</p><p class="govuk-body"><a class="govuk-link" href="/">Go to the home page</a> or <a class="govuk-link" href="/report/">report anti-social behaviour or hate crime</a>.</p>` })}`;
}, "/work/main/site/src/pages/404.astro", void 0);
var $$file = "/work/main/site/src/pages/404.astro";
var $$url = "/404/";
// \0virtual:astro:page:src/pages/404@_@astro
var page = () => _404_exports;
export { page };
