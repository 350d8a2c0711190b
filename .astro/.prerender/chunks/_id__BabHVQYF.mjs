import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate, v as addAttribute } from "./server_Cfwlr2I7.mjs";
import { c as createComponent } from "./load-profile_DZh9tJF6.mjs";
import { r as createAstro, t as $$Base } from "./Base_XsYKmPH-.mjs";
import { n as render, t as getCollection } from "./_astro_content_zjQytIl2.mjs";
import { a as formatDate, i as financialYear, t as PURPOSE_LABELS } from "./content_a3VuUUAm.mjs";
// site/src/pages/papers/[id].astro
var _id__exports = /* @__PURE__ */ __exportAll({
	default: () => $$Id,
	file: () => $$file,
	getStaticPaths: () => getStaticPaths,
	url: () => $$url
});
createAstro("http://localhost:4321");
async function getStaticPaths() {
	return (await getCollection("papers")).map((paper) => ({
		params: { id: paper.id },
		props: { paper }
	}));
}
var $$Id = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Id;
	const { paper } = Astro.props;
	const { Content } = await render(paper);
	const d = paper.data;
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"title": d.title,
		"description": d.summary
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<a${addAttribute(`/papers/year/${financialYear(d.meetingDate)}/`, "href")} class="govuk-back-link">Board papers ${financialYear(d.meetingDate)}</a><span class="govuk-caption-l">Board paper</span><h1 class="govuk-heading-l">${d.title}</h1><dl class="govuk-summary-list"><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Meeting</dt><dd class="govuk-summary-list__value">${formatDate(d.meetingDate)}</dd></div><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Purpose</dt><dd class="govuk-summary-list__value">${PURPOSE_LABELS[d.purpose]}</dd></div><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Prepared by</dt><dd class="govuk-summary-list__value">${d.preparedBy}</dd></div><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Leading partners</dt><dd class="govuk-summary-list__value">${d.leadingPartners.join(", ")}</dd></div></dl><h2 class="govuk-heading-m">Summary</h2><p class="govuk-body">${d.summary}</p><h2 class="govuk-heading-m">Recommendations</h2><ol class="govuk-list govuk-list--number">${d.recommendations.map((r) => renderTemplate`<li>${r}</li>`)}</ol><h2 class="govuk-heading-m">Financial implications</h2><p class="govuk-body">${d.financialImplications}</p><h2 class="govuk-heading-m">Equality implications</h2><p class="govuk-body">${d.equalityImplications}</p><h2 class="govuk-heading-m">The report</h2><div class="portal-prose">${renderComponent($$result, "Content", Content, {})}</div>` })}`;
}, "/work/main/site/src/pages/papers/[id].astro", void 0);
var $$file = "/work/main/site/src/pages/papers/[id].astro";
var $$url = "/papers/[id]/";
// \0virtual:astro:page:src/pages/papers/[id]@_@astro
var page = () => _id__exports;
export { page };
