import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate, v as addAttribute } from "./server_Cfwlr2I7.mjs";
import { c as createComponent } from "./load-profile_DZh9tJF6.mjs";
import { t as $$Base } from "./Base_XsYKmPH-.mjs";
import { t as getCollection } from "./_astro_content_zjQytIl2.mjs";
import { a as formatDate } from "./content_a3VuUUAm.mjs";
// site/src/pages/plans/index.astro
var plans_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(async ($$result, $$props, $$slots) => {
	const plans = (await getCollection("plans")).sort((a, b) => b.data.period.start.localeCompare(a.data.period.start));
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"title": "Partnership plans",
		"description": "The partnership's plans: priorities, actions and progress."
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1 class="govuk-heading-l">Partnership plans</h1><p class="govuk-body">Every three years the partnership publishes a plan based on its strategic assessment of crime and disorder in the district. Each plan sets priorities and the actions that will deliver them.</p>${plans.length === 0 && renderTemplate`<p class="govuk-body">No plans have been published yet.</p>`}<ul class="govuk-list">${plans.map((plan) => {
		const actions = plan.data.priorities.flatMap((p) => p.actions);
		const complete = actions.filter((a) => a.status === "complete").length;
		return renderTemplate`<li><h2 class="govuk-heading-m"><a class="govuk-link"${addAttribute(`/plans/${plan.id}/`, "href")}>${plan.data.title}</a></h2><p class="govuk-body">${formatDate(plan.data.period.start)} to ${formatDate(plan.data.period.end)}. ${plan.data.priorities.length} priorities, ${complete} of ${actions.length} actions complete.</p></li>`;
	})}</ul>` })}`;
}, "/work/main/site/src/pages/plans/index.astro", void 0);
var $$file = "/work/main/site/src/pages/plans/index.astro";
var $$url = "/plans/";
// \0virtual:astro:page:src/pages/plans/index@_@astro
var page = () => plans_exports;
export { page };
