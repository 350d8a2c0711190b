import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { E as unescapeHTML, c as renderComponent, g as maybeRenderHead, h as renderTemplate, l as Fragment, v as addAttribute } from "./server_Cfwlr2I7.mjs";
import { c as createComponent } from "./load-profile_DZh9tJF6.mjs";
import { n as escapeHtml, t as $$Base } from "./Base_XsYKmPH-.mjs";
import { t as getCollection } from "./_astro_content_zjQytIl2.mjs";
// shared/ui/bar-chart.ts
/**
* Accessible SVG bar charts drawn at build time: no JavaScript to read them. The SVG
* has a title and description (role="img", aria-labelledby) and is always published
* beside a data table, which is the full text alternative.
*/
var WIDTH = 640;
var BAR_HEIGHT = 28;
var GAP = 12;
var LABEL_WIDTH = 150;
var number = (n) => String(Math.round(n * 100) / 100).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
/** A horizontal bar chart: labels are readable on a phone and long labels do not rotate. */
function barChartSvg(o) {
	const max = Math.max(1, ...o.points.flatMap((p) => [p.value, p.target ?? 0]));
	const plot = 420;
	const height = o.points.length * 40 + GAP;
	const bars = o.points.map((p, i) => {
		const y = GAP + i * 40;
		const w = Math.max(1, p.value / max * plot);
		const target = p.target === void 0 ? "" : `<line x1="${LABEL_WIDTH + p.target / max * plot}" x2="${LABEL_WIDTH + p.target / max * plot}" y1="${y - 4}" y2="${y + BAR_HEIGHT + 4}" stroke="#d4351c" stroke-width="3" stroke-dasharray="4 3"/>`;
		return `<g>
<text x="142" y="${y + BAR_HEIGHT / 2}" text-anchor="end" dominant-baseline="middle" font-size="15" fill="#0b0c0c">${escapeHtml(p.label)}</text>
<rect x="${LABEL_WIDTH}" y="${y}" width="${w.toFixed(1)}" height="${BAR_HEIGHT}" fill="#1d70b8"/>
<text x="${(LABEL_WIDTH + w + 6).toFixed(1)}" y="${y + BAR_HEIGHT / 2}" dominant-baseline="middle" font-size="15" fill="#0b0c0c">${number(p.value)}</text>${target}
</g>`;
	}).join("\n");
	return `<svg class="portal-chart" id="${o.id}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${o.id}-title ${o.id}-desc" font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif" xmlns="http://www.w3.org/2000/svg">
<title id="${o.id}-title">${escapeHtml(o.title)}</title>
<desc id="${o.id}-desc">${escapeHtml(o.description)} The table below the chart gives every value.</desc>
${bars}
</svg>`;
}
/** The data table that stands beside every chart. */
function dataTable(o) {
	const hasTarget = o.points.some((p) => p.target !== void 0);
	const rows = o.points.map((p) => `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${escapeHtml(p.label)}</th><td class="govuk-table__cell govuk-table__cell--numeric">${number(p.value)}</td>${hasTarget ? `<td class="govuk-table__cell govuk-table__cell--numeric">${p.target === void 0 ? "No target" : number(p.target)}</td>` : ""}</tr>`).join("\n");
	return `<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--s">${escapeHtml(o.caption)}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Period</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">${escapeHtml(o.unit[0].toUpperCase() + o.unit.slice(1))}</th>${hasTarget ? "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Target</th>" : ""}</tr></thead>
<tbody class="govuk-table__body">
${rows}
</tbody>
</table>`;
}
// site/src/pages/performance/index.astro
var performance_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(async ($$result, $$props, $$slots) => {
	const datasets = (await getCollection("performance")).sort((a, b) => a.data.title.localeCompare(b.data.title));
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"title": "How we are doing",
		"description": "Performance figures: anti-social behaviour and crime in the district, with sources."
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1 class="govuk-heading-l">How we are doing</h1><p class="govuk-body">Figures the partnership reports to its board. Each chart has a table with every value below it.</p>${datasets.length === 0 && renderTemplate`<p class="govuk-body">No figures have been published yet.</p>`}${datasets.map((d) => {
		const chart = {
			id: `chart-${d.id}`,
			title: d.data.title,
			description: d.data.description,
			unit: d.data.unit,
			points: d.data.points
		};
		return renderTemplate`<section${addAttribute(`heading-${d.id}`, "aria-labelledby")}><h2 class="govuk-heading-m"${addAttribute(`heading-${d.id}`, "id")}>${d.data.title}</h2><p class="govuk-body">${d.data.description}</p><figure class="portal-figure">${renderComponent($$result, "Fragment", Fragment, {}, { "default": async ($$result) => renderTemplate`${unescapeHTML(barChartSvg(chart))}` })}${d.data.points.some((p) => p.target !== void 0) && renderTemplate`<figcaption class="govuk-body-s">The dashed red line marks the target.</figcaption>`}</figure>${renderComponent($$result, "Fragment", Fragment, {}, { "default": async ($$result) => renderTemplate`${unescapeHTML(dataTable({
			...chart,
			caption: `${d.data.title}: the figures`
		}))}` })}<p class="govuk-body-s">Source: ${d.data.source}.</p>${d.data.notes.length > 0 && renderTemplate`<ul class="govuk-list govuk-list--bullet govuk-body-s">${d.data.notes.map((n) => renderTemplate`<li>${n}</li>`)}</ul>`}</section>`;
	})}` })}`;
}, "/work/main/site/src/pages/performance/index.astro", void 0);
var $$file = "/work/main/site/src/pages/performance/index.astro";
var $$url = "/performance/";
// \0virtual:astro:page:src/pages/performance/index@_@astro
var page = () => performance_exports;
export { page };
