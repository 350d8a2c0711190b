import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate } from "./server_Cfwlr2I7.mjs";
import { t as $$Base } from "./Base_XsYKmPH-.mjs";
import { c as createComponent, t as defaultProfile } from "./load-profile_DZh9tJF6.mjs";
// site/src/pages/privacy/index.astro
var privacy_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(($$result, $$props, $$slots) => {
	const profile = defaultProfile();
	const years = Math.round(profile.retention.reportDays / 365);
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"title": "Privacy notice",
		"description": "How the partnership uses the information in your report."
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1 class="govuk-heading-l">Privacy notice</h1><p class="govuk-body-l">How the ${profile.name} uses the information you give when you report anti-social behaviour or hate crime.</p><h2 class="govuk-heading-m">Who we are</h2><p class="govuk-body">The partnership is made up of ${profile.partners.map((p) => p.name).join("; ")}. Each is responsible for the information it receives from us.</p><h2 class="govuk-heading-m">What we collect</h2><p class="govuk-body">What you tell us in the form: what happened, when and where, descriptions of people or vehicles, how it affected you and, if you choose, your name and how to contact you. A hate crime report also says what you think the hostility was about, such as race, religion, sexual orientation, disability or transgender identity. The law treats this as special category information and we protect it more closely.</p><p class="govuk-body">You can report anonymously. If you do, we cannot contact you, and you cannot later ask for an anti-social behaviour case review based on that report.</p><h2 class="govuk-heading-m">Why we use it</h2><p class="govuk-body">To deal with the problem you reported, to protect people at risk, and to understand patterns of anti-social behaviour and hate crime in the district. Our lawful basis is the partners' public tasks under the Crime and Disorder Act 1998 and the Anti-social Behaviour, Crime and Policing Act 2014.</p><h2 class="govuk-heading-m">Who we share it with</h2><p class="govuk-body">Only the partners that deal with your kind of report, in your area. Each receives only what it needs: for example, a fire and rescue service gets what happened, where and when, but not who reported it. Your contact details go only to the partners who may need to speak to you.</p><h2 class="govuk-heading-m">How long we keep it</h2><p class="govuk-body">We delete reports automatically ${years} years after they are made (${profile.retention.reportDays} days). Partners keep what we send them under their own retention policies.</p><h2 class="govuk-heading-m">Your rights</h2><p class="govuk-body">You can ask to see the information we hold about you, ask us to correct it, or in some cases ask us to delete it. You can complain to the Information Commissioner's Office if you are unhappy with how we have used your information.</p>` })}`;
}, "/work/main/site/src/pages/privacy/index.astro", void 0);
var $$file = "/work/main/site/src/pages/privacy/index.astro";
var $$url = "/privacy/";
// \0virtual:astro:page:src/pages/privacy/index@_@astro
var page = () => privacy_exports;
export { page };
