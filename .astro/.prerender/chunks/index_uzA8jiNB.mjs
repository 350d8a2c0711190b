import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate } from "./server_Cfwlr2I7.mjs";
import { t as $$Base } from "./Base_XsYKmPH-.mjs";
import { t as getCollection } from "./_astro_content_zjQytIl2.mjs";
import { o as formatDateTime } from "./content_a3VuUUAm.mjs";
import { c as createComponent, t as defaultProfile } from "./load-profile_DZh9tJF6.mjs";
// site/src/pages/events/index.astro
var events_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(async ($$result, $$props, $$slots) => {
	const areaName = (id) => defaultProfile().areas.find((a) => a.id === id)?.name;
	const now = (/* @__PURE__ */ new Date()).toISOString();
	const upcoming = (await getCollection("events")).sort((a, b) => a.data.start.localeCompare(b.data.start)).filter((e) => (e.data.end ?? e.data.start) >= now);
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"title": "Events and meetings",
		"description": "Neighbourhood meetings, board meetings and events you can come to."
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1 class="govuk-heading-l">Events and meetings</h1><p class="govuk-body">Come and meet the people who work on community safety where you live. Everything listed is free and open to residents.</p>${upcoming.length === 0 && renderTemplate`<p class="govuk-body">There are no upcoming events at the moment. Check again soon.</p>`}<ul class="govuk-list">${upcoming.map((e) => renderTemplate`<li><h2 class="govuk-heading-m">${e.data.title}</h2><dl class="govuk-summary-list govuk-summary-list--no-border"><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">When</dt><dd class="govuk-summary-list__value">${formatDateTime(e.data.start)}</dd></div><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Where</dt><dd class="govuk-summary-list__value">${e.data.place}${areaName(e.data.area) ? ` (${areaName(e.data.area)})` : ""}</dd></div><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Type</dt><dd class="govuk-summary-list__value">${e.data.kind === "meeting" ? "Meeting" : "Event"}</dd></div></dl><p class="govuk-body">${e.data.description}</p></li>`)}</ul>` })}`;
}, "/work/main/site/src/pages/events/index.astro", void 0);
var $$file = "/work/main/site/src/pages/events/index.astro";
var $$url = "/events/";
// \0virtual:astro:page:src/pages/events/index@_@astro
var page = () => events_exports;
export { page };
