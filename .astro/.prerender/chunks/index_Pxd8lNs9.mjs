import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate, l as Fragment, v as addAttribute } from "./server_Cfwlr2I7.mjs";
import { c as createComponent } from "./load-profile_DZh9tJF6.mjs";
import { t as $$Base } from "./Base_XsYKmPH-.mjs";
import { t as getCollection } from "./_astro_content_zjQytIl2.mjs";
import { a as formatDate, l as resolveActions, r as actionIndex } from "./content_a3VuUUAm.mjs";
// shared/domain/ranking.ts
function rankByCount(items, count) {
	const total = items.reduce((sum, item) => sum + count(item), 0);
	const sorted = items.map((item, index) => ({
		item,
		index,
		count: count(item)
	})).sort((a, b) => b.count - a.count || a.index - b.index);
	return sorted.map((row, i) => {
		const firstEqual = sorted.findIndex((r) => r.count === row.count);
		return {
			item: row.item,
			count: row.count,
			rank: firstEqual === -1 ? i + 1 : firstEqual + 1,
			share: total === 0 ? 0 : row.count / total
		};
	});
}
// site/src/pages/you-said-we-did/index.astro
var you_said_we_did_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(async ($$result, $$props, $$slots) => {
	const index = await actionIndex();
	const entries = (await getCollection("youSaidWeDid")).sort((a, b) => b.data.date.localeCompare(a.data.date));
	const percent = (share) => `${(share * 100).toFixed(1)}%`;
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"title": "You said, we did",
		"description": "What residents told the partnership in consultations, and what changed as a result."
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1 class="govuk-heading-l">You said, we did</h1><p class="govuk-body">What residents told us at events and online, and what the partnership did about it.</p>${entries.length === 0 && renderTemplate`<p class="govuk-body">Nothing has been reported back yet.</p>`}${entries.map((e) => {
		const ranked = rankByCount(e.data.results, (r) => r.tokens);
		const total = ranked.reduce((s, r) => s + r.count, 0);
		const actions = resolveActions(index, e.data.actions, `you-said-we-did/${e.id}: actions`);
		return renderTemplate`<section><h2 class="govuk-heading-m">${e.data.title}</h2><p class="govuk-body-s">${formatDate(e.data.date)}. ${e.data.consultation}</p><table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">${e.data.question} (${total} tokens)</caption><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Rank</th><th scope="col" class="govuk-table__header">Concern</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Tokens</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Share</th></tr></thead><tbody class="govuk-table__body">${ranked.map((r) => renderTemplate`<tr class="govuk-table__row"><td class="govuk-table__cell">${r.rank}</td><th scope="row" class="govuk-table__header">${r.item.concern}</th><td class="govuk-table__cell govuk-table__cell--numeric">${r.count}</td><td class="govuk-table__cell govuk-table__cell--numeric">${percent(r.share)}</td></tr>`)}</tbody></table><h3 class="govuk-heading-s">What we did</h3><ul class="govuk-list govuk-list--bullet">${e.data.weDid.map((w) => renderTemplate`<li>${w}</li>`)}</ul>${actions.length > 0 && renderTemplate`<p class="govuk-body">Plan actions: ${actions.map((a, i) => renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${i > 0 && ", "}<a class="govuk-link"${addAttribute(a.href, "href")}>${a.action.title}</a>` })}`)}.</p>`}</section>`;
	})}` })}`;
}, "/work/main/site/src/pages/you-said-we-did/index.astro", void 0);
var $$file = "/work/main/site/src/pages/you-said-we-did/index.astro";
var $$url = "/you-said-we-did/";
// \0virtual:astro:page:src/pages/you-said-we-did/index@_@astro
var page = () => you_said_we_did_exports;
export { page };
