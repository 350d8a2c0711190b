import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate } from "./server_Cfwlr2I7.mjs";
import { c as createComponent } from "./load-profile_DZh9tJF6.mjs";
import { t as $$Base } from "./Base_XsYKmPH-.mjs";
import { t as $$PaperList } from "./PaperList_Cjos8qtH.mjs";
import { i as financialYear, s as papersNewestFirst } from "./content_a3VuUUAm.mjs";
// site/src/pages/papers/index.astro
var papers_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(async ($$result, $$props, $$slots) => {
	const papers = await papersNewestFirst();
	const years = [...new Set(papers.map((p) => financialYear(p.data.meetingDate)))];
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"title": "Board papers",
		"description": "Papers for the partnership board's meetings."
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1 class="govuk-heading-l">Board papers</h1><p class="govuk-body">The partnership board meets every quarter. Papers are published a week before each meeting. <a class="govuk-link" href="/papers/rss.xml">Follow new papers by RSS</a>.</p>${renderComponent($$result, "PaperList", $$PaperList, {
		"papers": papers,
		"years": years
	})}` })}`;
}, "/work/main/site/src/pages/papers/index.astro", void 0);
var $$file = "/work/main/site/src/pages/papers/index.astro";
var $$url = "/papers/";
// \0virtual:astro:page:src/pages/papers/index@_@astro
var page = () => papers_exports;
export { page };
