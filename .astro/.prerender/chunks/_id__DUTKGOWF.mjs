import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate, v as addAttribute } from "./server_Cfwlr2I7.mjs";
import { c as createComponent } from "./load-profile_DZh9tJF6.mjs";
import { r as createAstro, t as $$Base } from "./Base_XsYKmPH-.mjs";
import { a as formatDate, n as STATUS_LABELS } from "./content_a3VuUUAm.mjs";
import { n as render, t as getCollection } from "./_astro_content_zjQytIl2.mjs";
// site/src/components/ActionsTable.astro
createAstro("http://localhost:4321");
var $$ActionsTable = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$ActionsTable;
	const { caption, actions } = Astro.props;
	return renderTemplate`${maybeRenderHead($$result)}<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">${caption}</caption><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Action</th><th scope="col" class="govuk-table__header">Lead</th><th scope="col" class="govuk-table__header">Due</th><th scope="col" class="govuk-table__header">Status</th></tr></thead><tbody class="govuk-table__body">${actions.map((a) => renderTemplate`<tr class="govuk-table__row"${addAttribute(`action-${a.id}`, "id")}><th scope="row" class="govuk-table__header">${a.title}<span class="govuk-body-s portal-block">Measure: ${a.measure}</span>${a.progress && renderTemplate`<span class="govuk-body-s portal-block">Progress: ${a.progress}</span>`}</th><td class="govuk-table__cell">${a.leadPartner}</td><td class="govuk-table__cell">${formatDate(a.due)}</td><td class="govuk-table__cell"><strong${addAttribute(`govuk-tag ${STATUS_LABELS[a.status].colour}`, "class")}>${STATUS_LABELS[a.status].text}</strong></td></tr>`)}</tbody></table>`;
}, "/work/main/site/src/components/ActionsTable.astro", void 0);
// site/src/pages/plans/[id].astro
var _id__exports = /* @__PURE__ */ __exportAll({
	default: () => $$Id,
	file: () => $$file,
	getStaticPaths: () => getStaticPaths,
	url: () => $$url
});
createAstro("http://localhost:4321");
async function getStaticPaths() {
	return (await getCollection("plans")).map((plan) => ({
		params: { id: plan.id },
		props: { plan }
	}));
}
var $$Id = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Id;
	const { plan } = Astro.props;
	const { Content } = await render(plan);
	const actions = plan.data.priorities.flatMap((p) => p.actions);
	const counts = Object.entries(STATUS_LABELS).map(([status, label]) => ({
		label: label.text,
		count: actions.filter((a) => a.status === status).length
	}));
	const tiers = [{
		tier: "county",
		heading: "County priorities",
		hint: "Shared with the other partnerships in the county."
	}, {
		tier: "local",
		heading: "Local priorities",
		hint: "Chosen by this partnership for the district."
	}];
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"title": plan.data.title,
		"description": plan.data.summary
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<a href="/plans/" class="govuk-back-link">All plans</a><h1 class="govuk-heading-l">${plan.data.title}</h1><p class="govuk-body-l">${plan.data.summary}</p><dl class="govuk-summary-list"><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Period</dt><dd class="govuk-summary-list__value">${formatDate(plan.data.period.start)} to ${formatDate(plan.data.period.end)}</dd></div><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Based on</dt><dd class="govuk-summary-list__value">${plan.data.strategicAssessment.title}, published ${formatDate(plan.data.strategicAssessment.published)}</dd></div><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Progress</dt><dd class="govuk-summary-list__value">${counts.filter((c) => c.count > 0).map((c) => `${c.label}: ${c.count}`).join(", ")}</dd></div></dl><h2 class="govuk-heading-m">What the strategic assessment found</h2><ul class="govuk-list govuk-list--bullet">${plan.data.strategicAssessment.findings.map((f) => renderTemplate`<li>${f}</li>`)}</ul>${tiers.map(({ tier, heading, hint }) => {
		const priorities = plan.data.priorities.filter((p) => p.tier === tier);
		return priorities.length > 0 && renderTemplate`<section><h2 class="govuk-heading-l">${heading}</h2><p class="govuk-body">${hint}</p>${priorities.map((p) => renderTemplate`<section${addAttribute(`priority-${p.id}`, "id")}><h3 class="govuk-heading-m">${p.title}</h3><p class="govuk-body">${p.why}</p>${renderComponent($$result, "ActionsTable", $$ActionsTable, {
			"caption": `Actions for: ${p.title}`,
			"actions": p.actions
		})}</section>`)}</section>`;
	})}<div class="portal-prose">${renderComponent($$result, "Content", Content, {})}</div>` })}`;
}, "/work/main/site/src/pages/plans/[id].astro", void 0);
var $$file = "/work/main/site/src/pages/plans/[id].astro";
var $$url = "/plans/[id]/";
// \0virtual:astro:page:src/pages/plans/[id]@_@astro
var page = () => _id__exports;
export { page };
