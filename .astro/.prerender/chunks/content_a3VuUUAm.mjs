import { t as getCollection } from "./_astro_content_zjQytIl2.mjs";
// site/src/lib/content.ts
/**
* Reads the content collections and checks what a schema cannot: that every action id
* named by a priorities year or a "you said, we did" entry exists in its plan. A broken
* link fails the build naming the file, the field and the unknown id.
*/
async function actionIndex() {
	const index = /* @__PURE__ */ new Map();
	for (const plan of await getCollection("plans")) for (const priority of plan.data.priorities) for (const action of priority.actions) {
		if (index.has(action.id)) throw new Error(`plans/${plan.id}: action id "${action.id}" is used twice; action ids must be unique across plans`);
		index.set(action.id, {
			action,
			plan,
			priorityTitle: priority.title,
			href: `/plans/${plan.id}/#action-${action.id}`
		});
	}
	return index;
}
/** Looks up action ids, throwing a message that names the file and field on a miss. */
function resolveActions(index, ids, where) {
	return ids.map((id, i) => {
		const ref = index.get(id);
		if (!ref) throw new Error(`${where}.${i}: unknown action "${id}"; expected one of the action ids in site/src/content/plans`);
		return ref;
	});
}
async function prioritiesByYear() {
	const index = await actionIndex();
	return (await getCollection("priorities")).sort((a, b) => b.data.year.localeCompare(a.data.year)).map((year) => ({
		year: year.data.year,
		priorities: year.data.priorities.map((p, i) => ({
			...p,
			actionRefs: resolveActions(index, p.actions, `priorities/${year.id}: priorities.${i}.actions`)
		}))
	}));
}
async function papersNewestFirst() {
	return (await getCollection("papers")).sort((a, b) => b.data.meetingDate.localeCompare(a.data.meetingDate));
}
/** Financial year "2025-26" for a date, as partnerships report (April to March). */
function financialYear(isoDate) {
	const [y, m] = isoDate.split("-").map(Number);
	const start = m >= 4 ? y : y - 1;
	return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}
var longDate = new Intl.DateTimeFormat("en-GB", {
	day: "numeric",
	month: "long",
	year: "numeric",
	timeZone: "Europe/London"
});
var dateTime = new Intl.DateTimeFormat("en-GB", {
	weekday: "long",
	day: "numeric",
	month: "long",
	year: "numeric",
	hour: "numeric",
	minute: "2-digit",
	timeZone: "Europe/London"
});
var formatDate = (iso) => longDate.format(new Date(iso));
var formatDateTime = (iso) => dateTime.format(new Date(iso));
var STATUS_LABELS = {
	"not-started": {
		text: "Not started",
		colour: "govuk-tag--grey"
	},
	"on-track": {
		text: "On track",
		colour: "govuk-tag--blue"
	},
	"at-risk": {
		text: "At risk",
		colour: "govuk-tag--yellow"
	},
	delayed: {
		text: "Delayed",
		colour: "govuk-tag--red"
	},
	complete: {
		text: "Complete",
		colour: "govuk-tag--green"
	}
};
var PURPOSE_LABELS = {
	decision: "For decision",
	discussion: "For discussion",
	information: "For information"
};
export { formatDate as a, prioritiesByYear as c, financialYear as i, resolveActions as l, STATUS_LABELS as n, formatDateTime as o, actionIndex as r, papersNewestFirst as s, PURPOSE_LABELS as t };
