import { X as AstroError, _ as InvalidComponentArgs } from "./errors-data_BblAWxQ4.mjs";
import * as z from "zod/mini";
// node_modules/astro/dist/runtime/server/astro-component.js
function validateArgs(args) {
	if (args.length !== 3) return false;
	if (!args[0] || typeof args[0] !== "object") return false;
	return true;
}
function baseCreateComponent(cb, moduleId, propagation) {
	const name = moduleId?.split("/").pop()?.replace(".astro", "") ?? "";
	const fn = (...args) => {
		if (!validateArgs(args)) throw new AstroError({
			...InvalidComponentArgs,
			message: InvalidComponentArgs.message(name)
		});
		return cb(...args);
	};
	Object.defineProperty(fn, "name", {
		value: name,
		writable: false
	});
	fn.isAstroComponentFactory = true;
	fn.moduleId = moduleId;
	fn.propagation = propagation;
	return fn;
}
function createComponentWithOptions(opts) {
	return baseCreateComponent(opts.factory, opts.moduleId, opts.propagation);
}
function createComponent(arg1, moduleId, propagation) {
	if (typeof arg1 === "function") return baseCreateComponent(arg1, moduleId, propagation);
	else return createComponentWithOptions(arg1);
}
// shared/contracts/report-vocabulary.ts
/**
* The fixed vocabularies of a report, with the plain-English labels residents see.
* ASB categories follow the police national standard; hate motivations are the five
* monitored strands plus "other".
*/
var REPORT_TYPES = ["asb", "hate-crime"];
var ASB_CATEGORIES = [
	"personal",
	"nuisance",
	"environmental"
];
var HATE_MOTIVATIONS = [
	"race",
	"religion",
	"sexual-orientation",
	"disability",
	"transgender-identity",
	"other"
];
var REPORTER_ROLES = [
	"victim",
	"witness",
	"third-party"
];
var ASB_CATEGORY_LABELS = {
	personal: {
		label: "Aimed at a person or group",
		hint: "For example threats, harassment or intimidation"
	},
	nuisance: {
		label: "A nuisance to the community",
		hint: "For example noise, rowdy groups or misuse of vehicles"
	},
	environmental: {
		label: "Damage to public spaces",
		hint: "For example litter, graffiti, fly-tipping or vandalism"
	}
};
var HATE_MOTIVATION_LABELS = {
	race: "Race or ethnicity",
	religion: "Religion or belief",
	"sexual-orientation": "Sexual orientation",
	disability: "Disability",
	"transgender-identity": "Transgender identity",
	other: "Something else"
};
var REPORTER_ROLE_LABELS = {
	victim: "It happened to me",
	witness: "I saw it happen",
	"third-party": "I am reporting for someone else"
};
// shared/config/profile-schema.ts
/**
* The partnership profile: who the partnership is, its areas and the partners that
* receive reports. One JSON file per partnership, validated here at load time so a
* typo in an email address or an unknown area id fails loudly before anything runs.
*/
var id$1 = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a kebab-case id"));
/** Postcode district, the outward half of a UK postcode (e.g. "AV1", "SW1A"). */
var postcodeDistrict = z.string().check(z.regex(/^[A-Z]{1,2}[0-9][A-Z0-9]?$/, "must be an upper-case postcode district such as AV1"));
/**
* How much personal data a partner receives (UK GDPR data minimisation, Art. 5(1)(c)):
* - `full`: everything, including the reporter's contact details;
* - `no-contact`: everything except who reported it and how to reach them;
* - `summary`: what, where and when only: no description of people, no contact details.
*/
var DATA_LEVELS = [
	"full",
	"no-contact",
	"summary"
];
var areaSchema = z.strictObject({
	id: id$1,
	name: z.string().check(z.minLength(1)),
	postcodeDistricts: z.array(postcodeDistrict).check(z.minLength(1))
});
var partnerSchema = z.strictObject({
	id: id$1,
	name: z.string().check(z.minLength(1)),
	email: z.email(),
	dataLevel: z.enum(DATA_LEVELS),
	handles: z.strictObject({
		types: z.array(z.enum(REPORT_TYPES)).check(z.minLength(1)),
		/** Only these ASB categories; absent means every category. */
		asbCategories: z.optional(z.array(z.enum(ASB_CATEGORIES)).check(z.minLength(1))),
		/** Only these hate motivations; absent means every motivation. */
		hateMotivations: z.optional(z.array(z.enum(HATE_MOTIVATIONS)).check(z.minLength(1))),
		/** Area ids this partner covers, or "*" for the whole district. */
		areas: z.union([z.literal("*"), z.array(id$1).check(z.minLength(1))])
	})
});
var profileSchema = z.strictObject({
	id: id$1,
	name: z.string().check(z.minLength(1)),
	/** Address partner and resident emails come from (an SES verified identity in AWS). */
	senderEmail: z.email(),
	areas: z.array(areaSchema).check(z.minLength(1)),
	partners: z.array(partnerSchema).check(z.minLength(1)),
	retention: z.strictObject({ 
	/** Days a report and everything attached to it is kept before DynamoDB's TTL removes it. */
reportDays: z.number().check(z.int(), z.minimum(30), z.maximum(3650)) })
}).check(z.superRefine((profile, ctx) => {
	const areaIds = new Set(profile.areas.map((a) => a.id));
	profile.partners.forEach((partner, index) => {
		if (partner.handles.areas === "*") return;
		for (const area of partner.handles.areas) if (!areaIds.has(area)) ctx.issues.push({
			code: "custom",
			input: area,
			path: [
				"partners",
				index,
				"handles",
				"areas"
			],
			message: `unknown area "${area}"; known areas: ${[...areaIds].join(", ")}`
		});
	});
	const seen = /* @__PURE__ */ new Set();
	for (const [index, partner] of profile.partners.entries()) {
		if (seen.has(partner.id)) ctx.issues.push({
			code: "custom",
			input: partner.id,
			path: [
				"partners",
				index,
				"id"
			],
			message: `duplicate partner id "${partner.id}"`
		});
		seen.add(partner.id);
	}
}));
var avonford_default = {
	id: "avonford",
	name: "Avonford and Downs Community Safety Partnership",
	senderEmail: "reports@avonford-csp.example",
	areas: [
		{
			"id": "avonford-town",
			"name": "Avonford town centre",
			"postcodeDistricts": ["AV1", "AV2"]
		},
		{
			"id": "millbrook",
			"name": "Millbrook",
			"postcodeDistricts": ["AV3"]
		},
		{
			"id": "east-downs",
			"name": "East Downs villages",
			"postcodeDistricts": ["AV4", "AV5"]
		},
		{
			"id": "westerleigh",
			"name": "Westerleigh",
			"postcodeDistricts": ["AV6"]
		}
	],
	partners: [
		{
			"id": "council-asb-team",
			"name": "Avonford District Council anti-social behaviour team",
			"email": "asb-team@avonford-council.example",
			"dataLevel": "full",
			"handles": {
				"types": ["asb"],
				"areas": "*"
			}
		},
		{
			"id": "police",
			"name": "Downs Constabulary neighbourhood policing",
			"email": "neighbourhood-avonford@downs-police.example",
			"dataLevel": "full",
			"handles": {
				"types": ["asb", "hate-crime"],
				"asbCategories": ["personal"],
				"areas": "*"
			}
		},
		{
			"id": "riverside-homes",
			"name": "Riverside Homes housing association",
			"email": "tenancy-team@riverside-homes.example",
			"dataLevel": "no-contact",
			"handles": {
				"types": ["asb"],
				"areas": ["avonford-town", "millbrook"]
			}
		},
		{
			"id": "fire-rescue",
			"name": "Downs Fire and Rescue Service",
			"email": "arson-reduction@downs-fire.example",
			"dataLevel": "summary",
			"handles": {
				"types": ["asb"],
				"asbCategories": ["environmental"],
				"areas": "*"
			}
		},
		{
			"id": "hate-crime-support",
			"name": "Downs Hate Crime Support Service",
			"email": "referrals@downs-hate-crime-support.example",
			"dataLevel": "full",
			"handles": {
				"types": ["hate-crime"],
				"areas": "*"
			}
		}
	],
	retention: { "reportDays": 730 }
};
// shared/config/load-profile.ts
/**
* Loads and validates the partnership profile. The sample profile is bundled into each
* function; a partnership swaps it by pointing PROFILE_PATH (local) or the `profile` CDK
* context (AWS) at its own file.
*/
/** Validates raw profile data, throwing one readable message listing every problem. */
function parseProfile(raw, source = "profile") {
	const result = profileSchema.safeParse(raw);
	if (!result.success) {
		const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".") || "(root)"}: ${issue.message}`);
		throw new Error(`Invalid partnership profile in ${source}:\n${lines.join("\n")}`);
	}
	return result.data;
}
var cached;
/** The bundled partnership profile, validated once per process. */
function defaultProfile() {
	cached ??= parseProfile(avonford_default, "shared/config/profiles/avonford.json");
	return cached;
}
export { HATE_MOTIVATION_LABELS as a, createComponent as c, HATE_MOTIVATIONS as i, ASB_CATEGORIES as n, REPORTER_ROLES as o, ASB_CATEGORY_LABELS as r, REPORTER_ROLE_LABELS as s, defaultProfile as t };
