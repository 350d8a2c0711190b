import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate } from "./server_Cfwlr2I7.mjs";
import { c as createComponent } from "./load-profile_DZh9tJF6.mjs";
import { r as createAstro, t as $$Base } from "./Base_XsYKmPH-.mjs";
import { n as PAPER_PURPOSES, t as $$PaperList } from "./PaperList_Cjos8qtH.mjs";
import { i as financialYear, s as papersNewestFirst, t as PURPOSE_LABELS } from "./content_a3VuUUAm.mjs";
// site/src/pages/papers/[...filter].astro
var ____filter__exports = /* @__PURE__ */ __exportAll({
	default: () => $$Component,
	file: () => $$file,
	getStaticPaths: () => getStaticPaths,
	url: () => $$url
});
createAstro("http://localhost:4321");
async function getStaticPaths() {
	const papers = await papersNewestFirst();
	const years = [...new Set(papers.map((p) => financialYear(p.data.meetingDate)))];
	return [
		...years.map((year) => ({
			params: { filter: `year/${year}` },
			props: {
				year,
				purpose: void 0
			}
		})),
		...PAPER_PURPOSES.map((purpose) => ({
			params: { filter: `purpose/${purpose}` },
			props: {
				year: void 0,
				purpose
			}
		})),
		...years.flatMap((year) => PAPER_PURPOSES.map((purpose) => ({
			params: { filter: `year/${year}/${purpose}` },
			props: {
				year,
				purpose
			}
		})))
	].map((p) => ({
		...p,
		props: {
			...p.props,
			papers,
			years
		}
	}));
}
var $$Component = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Component;
	const { papers, years, year, purpose } = Astro.props;
	const label = [year, purpose ? PURPOSE_LABELS[purpose].toLowerCase() : void 0].filter(Boolean).join(", ");
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"title": `Board papers: ${label}`,
		"description": `Partnership board papers, ${label}.`
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<a href="/papers/" class="govuk-back-link">All board papers</a><h1 class="govuk-heading-l">Board papers <span class="govuk-caption-m">${label}</span></h1>${renderComponent($$result, "PaperList", $$PaperList, {
		"papers": papers,
		"years": years,
		"year": year,
		"purpose": purpose
	})}` })}`;
}, "/work/main/site/src/pages/papers/[...filter].astro", void 0);
var $$file = "/work/main/site/src/pages/papers/[...filter].astro";
var $$url = "/papers/[...filter]/";
// \0virtual:astro:page:src/pages/papers/[...filter]@_@astro
var page = () => ____filter__exports;
export { page };
