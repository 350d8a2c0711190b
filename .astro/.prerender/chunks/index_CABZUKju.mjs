import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate } from "./server_Cfwlr2I7.mjs";
import { t as $$Base } from "./Base_XsYKmPH-.mjs";
import { t as getCollection } from "./_astro_content_zjQytIl2.mjs";
import { c as createComponent, t as defaultProfile } from "./load-profile_DZh9tJF6.mjs";
import { c as prioritiesByYear, o as formatDateTime } from "./content_a3VuUUAm.mjs";
// site/src/pages/index.astro
var pages_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => ""
});
var $$Index = createComponent(async ($$result, $$props, $$slots) => {
	const profile = defaultProfile();
	const [current] = await prioritiesByYear();
	const now = (/* @__PURE__ */ new Date()).toISOString();
	const nextEvents = (await getCollection("events")).filter((e) => e.data.start >= now).sort((a, b) => a.data.start.localeCompare(b.data.start)).slice(0, 2);
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"title": "Home",
		"description": `Report anti-social behaviour and hate crime to the ${profile.name}, and see what it is doing.`
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1 class="govuk-heading-xl">${profile.name}</h1><p class="govuk-body-l">The council, police, fire and rescue service, health, probation, housing and victim services working together to keep ${profile.areas.map((a) => a.name).join(", ")} safe.</p><div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><div class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>In an emergency, or if a crime is happening now, call 999. For other police matters call 101.</div></div><h2 class="govuk-heading-m">Tell us about a problem</h2><p class="govuk-body">You can report online at any time. You do not have to give your name.</p><div class="portal-button-row"><a href="/report/?type=asb" role="button" draggable="false" class="govuk-button govuk-button--start">Report anti-social behaviour</a><a href="/report/?type=hate-crime" role="button" draggable="false" class="govuk-button govuk-button--start">Report a hate crime or incident</a></div>${current && renderTemplate`<section><h2 class="govuk-heading-m">Our priorities for ${current.year}</h2><ul class="govuk-list govuk-list--bullet">${current.priorities.map((p) => renderTemplate`<li>${p.title}</li>`)}</ul><p class="govuk-body"><a class="govuk-link" href="/priorities/">See the actions behind each priority</a> or read the <a class="govuk-link" href="/plans/">partnership plan</a>.</p></section>`}<h2 class="govuk-heading-m">Have your say</h2><p class="govuk-body">There are no open polls at the moment. See what residents told us last time in <a class="govuk-link" href="/you-said-we-did/">you said, we did</a>.</p><h2 class="govuk-heading-m">Coming up</h2>${nextEvents.length === 0 ? renderTemplate`<p class="govuk-body">No events are planned at the moment.</p>` : renderTemplate`<ul class="govuk-list">${nextEvents.map((e) => renderTemplate`<li><strong>${e.data.title}</strong>: ${formatDateTime(e.data.start)}, ${e.data.place}</li>`)}</ul>`}<p class="govuk-body"><a class="govuk-link" href="/events/">All events and meetings</a></p><p class="govuk-body">We pass what you tell us to the organisations that can act on it. Read our <a class="govuk-link" href="/privacy/">privacy notice</a> to see what that means for your information.</p>` })}`;
}, "/work/main/site/src/pages/index.astro", void 0);
var $$file = "/work/main/site/src/pages/index.astro";
// \0virtual:astro:page:src/pages/index@_@astro
var page = () => pages_exports;
export { page };
