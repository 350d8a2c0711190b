import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate, v as addAttribute } from "./server_Cfwlr2I7.mjs";
import { c as createComponent } from "./load-profile_DZh9tJF6.mjs";
import { t as $$Base } from "./Base_XsYKmPH-.mjs";
import { c as prioritiesByYear, n as STATUS_LABELS } from "./content_a3VuUUAm.mjs";
// site/src/pages/priorities/index.astro
var priorities_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(async ($$result, $$props, $$slots) => {
	const years = await prioritiesByYear();
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"title": "Priorities by year",
		"description": "What the partnership is focusing on each year, and the plan actions behind each priority."
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1 class="govuk-heading-l">Priorities by year</h1><p class="govuk-body">Each year the board confirms which parts of the <a class="govuk-link" href="/plans/">partnership plan</a> come first. County priorities are shared across the county; local priorities are the district's own.</p>${years.length === 0 && renderTemplate`<p class="govuk-body">No priorities have been published yet.</p>`}${years.map((y) => renderTemplate`<section><h2 class="govuk-heading-l"${addAttribute(`year-${y.year}`, "id")}>${y.year}</h2>${y.priorities.map((p) => renderTemplate`<div><h3 class="govuk-heading-m">${p.title} <strong class="govuk-tag govuk-tag--grey">${p.tier === "county" ? "County" : "Local"}</strong></h3><p class="govuk-body">${p.summary}</p><ul class="govuk-list">${p.actionRefs.map((ref) => renderTemplate`<li><a class="govuk-link"${addAttribute(ref.href, "href")}>${ref.action.title}</a> (${STATUS_LABELS[ref.action.status].text.toLowerCase()}, led by ${ref.action.leadPartner})</li>`)}</ul></div>`)}</section>`)}` })}`;
}, "/work/main/site/src/pages/priorities/index.astro", void 0);
var $$file = "/work/main/site/src/pages/priorities/index.astro";
var $$url = "/priorities/";
// \0virtual:astro:page:src/pages/priorities/index@_@astro
var page = () => priorities_exports;
export { page };
