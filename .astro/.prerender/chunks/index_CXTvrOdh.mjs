import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate } from "./server_Cfwlr2I7.mjs";
import { t as $$Base } from "./Base_XsYKmPH-.mjs";
import { c as createComponent, t as defaultProfile } from "./load-profile_DZh9tJF6.mjs";
// site/src/pages/accessibility/index.astro
var accessibility_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(($$result, $$props, $$slots) => {
	const profile = defaultProfile();
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"title": "Accessibility statement",
		"description": "How accessible this website is and how to report a problem."
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1 class="govuk-heading-l">Accessibility statement</h1><p class="govuk-body">This website is run by the ${profile.name}. We want as many people as possible to be able to use it. You should be able to:</p><ul class="govuk-list govuk-list--bullet"><li>zoom in up to 400% without the text spilling off the screen</li><li>use every page and form with a keyboard alone</li><li>use the site with a screen reader, including recent versions of JAWS, NVDA and VoiceOver</li><li>read every page and send a report with JavaScript turned off</li><li>read every chart as a table</li></ul><h2 class="govuk-heading-m">How accessible this website is</h2><p class="govuk-body">Every page is tested automatically against the Web Content Accessibility Guidelines version 2.2, level AA, each time the site changes. The site search needs JavaScript; everything it finds can also be reached through the menus.</p><h2 class="govuk-heading-m">Reporting problems</h2><p class="govuk-body">If you find a problem, or need information in another format such as large print or easy read, tell the community safety team at the council. We will reply within 10 working days.</p><h2 class="govuk-heading-m">Enforcement</h2><p class="govuk-body">The Equality and Human Rights Commission enforces the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with our response, contact the Equality Advisory and Support Service.</p>` })}`;
}, "/work/main/site/src/pages/accessibility/index.astro", void 0);
var $$file = "/work/main/site/src/pages/accessibility/index.astro";
var $$url = "/accessibility/";
// \0virtual:astro:page:src/pages/accessibility/index@_@astro
var page = () => accessibility_exports;
export { page };
