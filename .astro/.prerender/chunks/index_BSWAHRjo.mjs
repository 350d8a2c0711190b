import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { n as escapeHtml, t as $$Base } from "./Base_XsYKmPH-.mjs";
import { a as HATE_MOTIVATION_LABELS, c as createComponent, i as HATE_MOTIVATIONS, n as ASB_CATEGORIES, o as REPORTER_ROLES, r as ASB_CATEGORY_LABELS, s as REPORTER_ROLE_LABELS, t as defaultProfile } from "./load-profile_DZh9tJF6.mjs";
import { E as unescapeHTML, c as renderComponent, g as maybeRenderHead, h as renderTemplate, l as Fragment, v as addAttribute, y as createRenderInstruction } from "./server_Cfwlr2I7.mjs";
// node_modules/astro/dist/runtime/server/render/script.js
async function renderScript(result, id) {
	const inlined = result.inlinedScripts.get(id);
	let content = "";
	if (inlined != null) {
		if (inlined) content = `<script type="module">${inlined}<\/script>`;
	} else {
		const resolved = await result.resolve(id);
		content = `<script type="module" src="${result.userAssetsBase ? (result.base === "/" ? "" : result.base) + result.userAssetsBase : ""}${resolved}"><\/script>`;
	}
	return createRenderInstruction({
		type: "script",
		id,
		content
	});
}
// shared/ui/form-components.ts
/**
* GOV.UK Design System form markup as small string renderers (labels, hints, fieldsets,
* inline errors, aria-describedby), so the static page and the API's error page render
* identical, accessible forms. Every value is escaped.
*/
/** `location.area` → `location-area`: the id of a field (or of its first option). */
var fieldId = (name) => name.replace(/\./g, "-");
var one = (v) => (Array.isArray(v) ? v[v.length - 1] : v) ?? "";
var many = (v) => Array.isArray(v) ? v : v ? [v] : [];
function errorHtml(id, error) {
	return error ? `<p id="${id}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${escapeHtml(error)}</p>` : "";
}
function describedBy(id, hint, error) {
	const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
	return ids ? ` aria-describedby="${ids}"` : "";
}
function choiceGroup(kind, g) {
	const id = fieldId(g.name);
	const selected = many(g.values[g.name]);
	const items = g.choices.map((c, i) => {
		const itemId = i === 0 ? id : `${id}-${i + 1}`;
		const hint = c.hint ? `<div id="${itemId}-item-hint" class="govuk-hint govuk-${kind}__hint">${escapeHtml(c.hint)}</div>` : "";
		return `<div class="govuk-${kind}__item">
<input class="govuk-${kind}__input" id="${itemId}" name="${g.name}" type="${kind === "radios" ? "radio" : "checkbox"}" value="${escapeHtml(c.value)}"${selected.includes(c.value) ? " checked" : ""}${c.hint ? ` aria-describedby="${itemId}-item-hint"` : ""}>
<label class="govuk-label govuk-${kind}__label" for="${itemId}">${escapeHtml(c.label)}</label>
${hint}</div>`;
	}).join("\n");
	return `<div class="govuk-form-group${g.error ? " govuk-form-group--error" : ""}"${g.attributes ?? ""}>
<fieldset class="govuk-fieldset"${describedBy(id, g.hint, g.error)}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--${g.legendSize ?? "m"}">${escapeHtml(g.legend)}</legend>
${g.hint ? `<div id="${id}-hint" class="govuk-hint">${escapeHtml(g.hint)}</div>` : ""}
${errorHtml(id, g.error)}
<div class="govuk-${kind}${g.small ? ` govuk-${kind}--small` : ""}" data-module="govuk-${kind}">
${items}
</div>
</fieldset>
</div>`;
}
var radios = (g) => choiceGroup("radios", g);
var checkboxes = (g) => choiceGroup("checkboxes", g);
function input(f) {
	const id = fieldId(f.name);
	return `<div class="govuk-form-group${f.error ? " govuk-form-group--error" : ""}">
<label class="govuk-label" for="${id}">${escapeHtml(f.label)}</label>
${f.hint ? `<div id="${id}-hint" class="govuk-hint">${escapeHtml(f.hint)}</div>` : ""}
${errorHtml(id, f.error)}
<input class="govuk-input${f.width ? ` ${f.width}` : ""}${f.error ? " govuk-input--error" : ""}" id="${id}" name="${f.name}" type="${f.type ?? "text"}" value="${escapeHtml(one(f.values[f.name]))}"${f.autocomplete ? ` autocomplete="${f.autocomplete}"` : ""}${f.spellcheck === false ? " spellcheck=\"false\"" : ""}${describedBy(id, f.hint, f.error)}>
</div>`;
}
function textarea(f) {
	const id = fieldId(f.name);
	return `<div class="govuk-form-group${f.error ? " govuk-form-group--error" : ""}">
<label class="govuk-label govuk-label--s" for="${id}">${escapeHtml(f.label)}</label>
${f.hint ? `<div id="${id}-hint" class="govuk-hint">${escapeHtml(f.hint)}</div>` : ""}
${errorHtml(id, f.error)}
<textarea class="govuk-textarea${f.error ? " govuk-textarea--error" : ""}" id="${id}" name="${f.name}" rows="${f.rows ?? 5}"${describedBy(id, f.hint, f.error)}>${escapeHtml(one(f.values[f.name]))}</textarea>
</div>`;
}
/** GOV.UK date input (day, month, year) plus a time field, in one fieldset. */
function dateTimeInput(f) {
	const id = fieldId(f.name);
	const part = (key, label, width, autocomplete = "") => `<div class="govuk-date-input__item"><div class="govuk-form-group">
<label class="govuk-label govuk-date-input__label" for="${id}-${key}">${label}</label>
<input class="govuk-input govuk-date-input__input govuk-input--width-${width}${f.error ? " govuk-input--error" : ""}" id="${id}-${key}" name="${f.name}.${key}" type="text" inputmode="numeric" value="${escapeHtml(one(f.values[`${f.name}.${key}`]))}"${autocomplete}>
</div></div>`;
	return `<div class="govuk-form-group${f.error ? " govuk-form-group--error" : ""}">
<fieldset class="govuk-fieldset" role="group"${describedBy(id, f.hint, f.error)}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${escapeHtml(f.legend)}</legend>
<div id="${id}-hint" class="govuk-hint">${escapeHtml(f.hint)}</div>
${errorHtml(id, f.error)}
<div class="govuk-date-input" id="${id}">
${part("day", "Day", 2)}
${part("month", "Month", 2)}
${part("year", "Year", 4)}
${part("time", "Time (24-hour)", 5)}
</div>
</fieldset>
</div>`;
}
/** Error summary: first thing on the page, each message linking to its field. */
function errorSummary(errors) {
	if (errors.length === 0) return "";
	return `<div class="govuk-error-summary" data-module="govuk-error-summary" tabindex="-1" id="error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body">
<ul class="govuk-list govuk-error-summary__list">
${errors.map((e) => `<li><a href="${escapeHtml(e.href)}">${escapeHtml(e.message)}</a></li>`).join("\n")}
</ul>
</div>
</div>
</div>`;
}
// shared/ui/report-form.ts
var REPORT_FORM_TITLE = "Report anti-social behaviour or a hate crime";
/** Where on the form an API error path points (the error summary links there). */
function formFieldFor(path) {
	if (path === "contact") return "anonymous";
	if (path === "location") return "location.area";
	if (path.startsWith("hateMotivations")) return "hateMotivations";
	return FORM_FIELDS.has(path) ? path : "report-form";
}
/** The form's fields in page order: the error summary lists problems in this order. */
var FIELD_ORDER = [
	"type",
	"asbCategory",
	"hateMotivations",
	"reporterRole",
	"description",
	"ongoing",
	"occurredAt",
	"location.area",
	"location.street",
	"location.postcode",
	"location.details",
	"offenderDescription",
	"vehicleDescription",
	"policeReference",
	"impact",
	"anonymous",
	"contact.name",
	"contact.email",
	"contact.phone",
	"contact.preferredTimes"
];
var FORM_FIELDS = new Set(FIELD_ORDER);
var orderOf = (path) => {
	const i = FIELD_ORDER.indexOf(formFieldFor(path));
	return i === -1 ? FIELD_ORDER.length : i;
};
/** The id an error summary link jumps to: the first input of the field. */
function anchorFor(path) {
	const field = formFieldFor(path);
	return field === "occurredAt" ? "occurredAt-day" : fieldId(field);
}
function renderReportForm(options) {
	const values = options.values ?? {};
	const errors = [...options.errors ?? []].sort((a, b) => orderOf(a.path) - orderOf(b.path));
	const errorFor = (field) => errors.find((e) => formFieldFor(e.path) === field)?.message;
	const formLevel = errors.filter((e) => formFieldFor(e.path) === "report-form");
	return `${errorSummary(errors.map((e) => ({
		href: `#${anchorFor(e.path)}`,
		message: e.message
	})))}
<h1 class="govuk-heading-l">${REPORT_FORM_TITLE}</h1>
<div class="govuk-warning-text">
<span class="govuk-warning-text__icon" aria-hidden="true">!</span>
<div class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>
If you are in danger, or a crime is happening now, call 999. If you cannot speak, call 999 and press 55 when asked.</div>
</div>
<p class="govuk-body">If it is not an emergency but you need the police, call 101. Use this form to tell the partnership about anti-social behaviour or a hate crime or hate incident. It takes about 10 minutes.</p>
<p class="govuk-body">Read our <a class="govuk-link" href="/privacy/">privacy notice</a> to see how we use what you tell us. You can report without giving your name.</p>
${formLevel.map((e) => `<p class="govuk-error-message">${e.message.replace(/[<>&"]/g, "")}</p>`).join("")}
<form id="report-form" action="/api/reports" method="post" novalidate>
${radios({
		name: "type",
		legend: "What are you reporting?",
		legendSize: "m",
		values,
		error: errorFor("type"),
		choices: [{
			value: "asb",
			label: "Anti-social behaviour",
			hint: "Behaviour that causes harassment, alarm or distress, such as intimidation, noise, vandalism or drug dealing"
		}, {
			value: "hate-crime",
			label: "A hate crime or hate incident",
			hint: "Anything you or anyone else thinks was motivated by hostility or prejudice"
		}]
	})}
<div data-show-when-type="asb">
${radios({
		name: "asbCategory",
		legend: "If it is anti-social behaviour: what kind is it?",
		legendSize: "s",
		values,
		error: errorFor("asbCategory"),
		choices: ASB_CATEGORIES.map((c) => ({
			value: c,
			label: ASB_CATEGORY_LABELS[c].label,
			hint: ASB_CATEGORY_LABELS[c].hint
		}))
	})}
</div>
<div data-show-when-type="hate-crime">
${checkboxes({
		name: "hateMotivations",
		legend: "If it is a hate crime or incident: what do you think the hostility was about?",
		legendSize: "s",
		hint: "Select all that apply. What you believe is enough; you do not need proof.",
		values,
		error: errorFor("hateMotivations"),
		choices: HATE_MOTIVATIONS.map((m) => ({
			value: m,
			label: HATE_MOTIVATION_LABELS[m]
		}))
	})}
</div>
${radios({
		name: "reporterRole",
		legend: "Who did it happen to?",
		values,
		error: errorFor("reporterRole"),
		choices: REPORTER_ROLES.map((r) => ({
			value: r,
			label: REPORTER_ROLE_LABELS[r]
		}))
	})}
${textarea({
		name: "description",
		label: "What happened?",
		hint: "Tell us what was said or done, in your own words. Up to 4,000 characters.",
		values,
		error: errorFor("description"),
		rows: 8
	})}
<h2 class="govuk-heading-m">When did it happen?</h2>
${radios({
		name: "ongoing",
		legend: "Is it still happening?",
		legendSize: "s",
		values,
		error: errorFor("ongoing"),
		small: true,
		choices: [{
			value: "false",
			label: "No, it happened on a particular day"
		}, {
			value: "true",
			label: "Yes, it is still going on or keeps happening"
		}]
	})}
${dateTimeInput({
		name: "occurredAt",
		legend: "When did it happen (or when did it start)?",
		hint: "For example, 21 11 2026 and 21:30. An approximate time is fine.",
		values,
		error: errorFor("occurredAt")
	})}
<h2 class="govuk-heading-m">Where did it happen?</h2>
${radios({
		name: "location.area",
		legend: "Which area?",
		legendSize: "s",
		values,
		error: errorFor("location.area"),
		choices: options.areas.map((a) => ({
			value: a.id,
			label: a.name
		}))
	})}
${input({
		name: "location.street",
		label: "Street or road (optional)",
		values,
		error: errorFor("location.street"),
		autocomplete: "off"
	})}
${input({
		name: "location.postcode",
		label: "Postcode (optional)",
		hint: "For example, AV1 2AB",
		values,
		error: errorFor("location.postcode"),
		width: "govuk-input--width-10",
		spellcheck: false
	})}
${textarea({
		name: "location.details",
		label: "Anything else about the place (optional)",
		hint: "For example, the park behind the library, or outside number 12",
		values,
		error: errorFor("location.details"),
		rows: 2
	})}
<h2 class="govuk-heading-m">More details (optional)</h2>
${textarea({
		name: "offenderDescription",
		label: "Who was involved? (optional)",
		hint: "Descriptions of the people, names if you know them",
		values,
		error: errorFor("offenderDescription"),
		rows: 3
	})}
${textarea({
		name: "vehicleDescription",
		label: "Any vehicles? (optional)",
		hint: "Make, colour and registration number if you saw it",
		values,
		error: errorFor("vehicleDescription"),
		rows: 2
	})}
${input({
		name: "policeReference",
		label: "Police reference number (optional)",
		hint: "If you have already reported it to the police",
		values,
		error: errorFor("policeReference"),
		width: "govuk-input--width-20",
		spellcheck: false
	})}
${textarea({
		name: "impact",
		label: "How has it affected you or others? (optional)",
		hint: "For example, if you feel unsafe at home or have changed your routine",
		values,
		error: errorFor("impact"),
		rows: 3
	})}
<h2 class="govuk-heading-m">Your contact details</h2>
${radios({
		name: "anonymous",
		legend: "Can we contact you about this report?",
		legendSize: "s",
		hint: "If you stay anonymous we cannot update you or ask you questions, and you cannot later ask for an ASB case review of this report.",
		values,
		error: errorFor("anonymous"),
		choices: [{
			value: "false",
			label: "Yes, you can contact me"
		}, {
			value: "true",
			label: "No, I want to stay anonymous"
		}]
	})}
<div class="portal-conditional" data-show-when-anonymous="false">
<p class="govuk-body">Fill these in only if you said we can contact you.</p>
${input({
		name: "contact.name",
		label: "Your name",
		values,
		error: errorFor("contact.name"),
		autocomplete: "name",
		spellcheck: false
	})}
${input({
		name: "contact.email",
		label: "Email address",
		hint: "We will send your reference here",
		values,
		error: errorFor("contact.email"),
		type: "email",
		autocomplete: "email",
		spellcheck: false
	})}
${input({
		name: "contact.phone",
		label: "Phone number",
		hint: "Give an email address, a phone number or both",
		values,
		error: errorFor("contact.phone"),
		type: "tel",
		autocomplete: "tel",
		width: "govuk-input--width-20"
	})}
${input({
		name: "contact.preferredTimes",
		label: "When is it safe to contact you? (optional)",
		hint: "For example, weekday mornings, or never at home",
		values,
		error: errorFor("contact.preferredTimes")
	})}
</div>
<button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">Send report</button>
</form>`;
}
// site/src/pages/report/index.astro
var report_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(($$result, $$props, $$slots) => {
	const areas = defaultProfile().areas.map((a) => ({
		id: a.id,
		name: a.name
	}));
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"title": REPORT_FORM_TITLE,
		"description": "Tell the partnership about anti-social behaviour, a hate crime or a hate incident.",
		"forms": true
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<div id="report-form-root"${addAttribute(JSON.stringify(areas), "data-areas")}>${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${unescapeHTML(renderReportForm({ areas }))}` })}</div>` })}${renderScript($$result, "/work/main/site/src/pages/report/index.astro?astro&type=script&index=0&lang.ts")}`;
}, "/work/main/site/src/pages/report/index.astro", void 0);
var $$file = "/work/main/site/src/pages/report/index.astro";
var $$url = "/report/";
// \0virtual:astro:page:src/pages/report/index@_@astro
var page = () => report_exports;
export { page };
