import { g as maybeRenderHead, h as renderTemplate, t as spreadAttributes, v as addAttribute } from "./server_Cfwlr2I7.mjs";
import { c as createComponent } from "./load-profile_DZh9tJF6.mjs";
import { r as createAstro } from "./Base_XsYKmPH-.mjs";
import { a as formatDate, i as financialYear, t as PURPOSE_LABELS } from "./content_a3VuUUAm.mjs";
import { z } from "zod";
// shared/contracts/content.ts
/**
* Schemas for the site's published content (Astro content collections). Every file in
* site/src/content is checked against these at build time; a file that breaks one
* fails the build naming the file, the field and what was expected.
* Full zod is fine here: this never ships in a Lambda bundle.
*/
var id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a kebab-case id such as \"youth-asb\"");
var isoDate = z.preprocess((v) => v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v, z.iso.date({ error: "must be a date written as YYYY-MM-DD" }));
var text = z.string().trim().min(1, "must not be empty");
var ACTION_STATUSES = [
	"not-started",
	"on-track",
	"at-risk",
	"delayed",
	"complete"
];
var PAPER_PURPOSES = [
	"decision",
	"discussion",
	"information"
];
var PRIORITY_TIERS = ["county", "local"];
z.object({
	name: text,
	summary: text,
	areas: z.array(z.object({
		id,
		name: text,
		description: text
	}).strict()).min(1),
	members: z.array(z.object({
		name: text,
		kind: z.enum([
			"responsible-authority",
			"partner",
			"voluntary",
			"business"
		]),
		role: text
	}).strict()).min(1)
}).strict();
var actionSchema = z.object({
	id,
	title: text,
	leadPartner: text,
	due: isoDate,
	status: z.enum(ACTION_STATUSES),
	measure: text,
	progress: z.string().optional()
}).strict();
z.object({
	title: text,
	period: z.object({
		start: isoDate,
		end: isoDate
	}).strict(),
	summary: text,
	strategicAssessment: z.object({
		title: text,
		published: isoDate,
		findings: z.array(text).min(1)
	}).strict(),
	priorities: z.array(z.object({
		id,
		title: text,
		tier: z.enum(PRIORITY_TIERS),
		why: text,
		actions: z.array(actionSchema).min(1)
	}).strict()).min(1)
}).strict().refine((p) => p.period.start < p.period.end, {
	message: "period.start must be before period.end",
	path: ["period"]
});
z.object({
	year: z.string().regex(/^\d{4}-\d{2}$/, "must be a financial year such as 2025-26"),
	plan: id,
	priorities: z.array(z.object({
		title: text,
		tier: z.enum(PRIORITY_TIERS),
		summary: text,
		/** Action ids from the plan named above. */
		actions: z.array(id).min(1)
	}).strict()).min(1)
}).strict();
z.object({
	title: text,
	meetingDate: isoDate,
	preparedBy: text,
	leadingPartners: z.array(text).min(1),
	purpose: z.enum(PAPER_PURPOSES),
	summary: text,
	recommendations: z.array(text).min(1),
	financialImplications: text,
	equalityImplications: text
}).strict();
z.object({
	title: text,
	description: text,
	unit: text,
	period: z.enum(["quarter", "year"]),
	source: text,
	notes: z.array(text).default([]),
	points: z.array(z.object({
		label: text,
		value: z.number().nonnegative(),
		target: z.number().nonnegative().optional()
	}).strict()).min(1)
}).strict();
z.object({
	title: text,
	date: isoDate,
	consultation: text,
	question: text,
	results: z.array(z.object({
		concern: text,
		tokens: z.number().int().nonnegative()
	}).strict()).min(1),
	weDid: z.array(text).min(1),
	/** Plan action ids the results led to. */
	actions: z.array(id).default([])
}).strict();
z.object({
	title: text,
	kind: z.enum(["meeting", "event"]),
	start: z.iso.datetime({
		offset: true,
		error: "must be a date and time such as 2026-12-03T19:00:00Z"
	}),
	end: z.iso.datetime({ offset: true }).optional(),
	place: text,
	area: id.optional(),
	description: text
}).strict();
// site/src/components/PaperList.astro
createAstro("http://localhost:4321");
var $$PaperList = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$PaperList;
	const { papers, years, year, purpose } = Astro.props;
	const href = (y, p) => y && p ? `/papers/year/${y}/${p}/` : y ? `/papers/year/${y}/` : p ? `/papers/purpose/${p}/` : "/papers/";
	const shown = papers.filter((p) => (!year || financialYear(p.data.meetingDate) === year) && (!purpose || p.data.purpose === purpose));
	const current = (active) => active ? { "aria-current": "page" } : {};
	return renderTemplate`${maybeRenderHead($$result)}<nav aria-label="Filter by year"><h2 class="govuk-heading-s">Year</h2><ul class="portal-filters govuk-body"><li><a class="govuk-link"${addAttribute(href(void 0, purpose), "href")}${spreadAttributes(current(!year))}>All years</a></li>${years.map((y) => renderTemplate`<li><a class="govuk-link"${addAttribute(href(y, purpose), "href")}${spreadAttributes(current(y === year))}>${y}</a></li>`)}</ul></nav><nav aria-label="Filter by purpose"><h2 class="govuk-heading-s">Purpose</h2><ul class="portal-filters govuk-body"><li><a class="govuk-link"${addAttribute(href(year, void 0), "href")}${spreadAttributes(current(!purpose))}>Any purpose</a></li>${PAPER_PURPOSES.map((p) => renderTemplate`<li><a class="govuk-link"${addAttribute(href(year, p), "href")}${spreadAttributes(current(p === purpose))}>${PURPOSE_LABELS[p]}</a></li>`)}</ul></nav><p class="govuk-body" role="status">${shown.length === 1 ? "1 paper" : `${shown.length} papers`}${year ? ` from ${year}` : ""}${purpose ? `, ${PURPOSE_LABELS[purpose].toLowerCase()}` : ""}.</p>${shown.length === 0 && renderTemplate`<p class="govuk-body">No papers match. <a class="govuk-link" href="/papers/">Show all papers</a>.</p>`}<ul class="govuk-list">${shown.map((p) => renderTemplate`<li><h3 class="govuk-heading-s"><a class="govuk-link"${addAttribute(`/papers/${p.id}/`, "href")}>${p.data.title}</a></h3><p class="govuk-body-s">Board meeting ${formatDate(p.data.meetingDate)}. ${PURPOSE_LABELS[p.data.purpose]}. ${p.data.summary}</p></li>`)}</ul>`;
}, "/work/main/site/src/components/PaperList.astro", void 0);
export { PAPER_PURPOSES as n, $$PaperList as t };
