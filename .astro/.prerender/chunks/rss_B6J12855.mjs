import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { t as getCollection } from "./_astro_content_zjQytIl2.mjs";
import { t as defaultProfile } from "./load-profile_DZh9tJF6.mjs";
import rss from "@astrojs/rss";
// site/src/pages/papers/rss.xml.ts
/** RSS feed of board papers and "you said, we did" updates, newest first. */
var rss_xml_exports = /* @__PURE__ */ __exportAll({ GET: () => GET });
async function GET(context) {
	const papers = (await getCollection("papers")).map((p) => ({
		title: p.data.title,
		pubDate: new Date(p.data.meetingDate),
		description: p.data.summary,
		link: `/papers/${p.id}/`
	}));
	const updates = (await getCollection("youSaidWeDid")).map((u) => ({
		title: `You said, we did: ${u.data.title}`,
		pubDate: new Date(u.data.date),
		description: u.data.weDid.join(" "),
		link: "/you-said-we-did/"
	}));
	return rss({
		title: `${defaultProfile().name}: board papers and updates`,
		description: "New partnership board papers and reports back on consultations.",
		site: context.site ?? "http://localhost:4321",
		items: [...papers, ...updates].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime())
	});
}
// \0virtual:astro:page:src/pages/papers/rss.xml@_@ts
var page = () => rss_xml_exports;
export { page };
