/**
 * The one way the portal makes HTML: Preact elements, which escape every text and
 * attribute value by default. They become a string only at the edge (a page the API
 * sends, an email, a page of the static build); the workspace renders the same
 * elements into the DOM with Preact's `render`.
 */
import { type ComponentChildren, Fragment, h } from 'preact';
import { renderToString } from 'preact-render-to-string';

export const toHtml = (node: ComponentChildren): string => renderToString(h(Fragment, null, node));

/** A whole document: Preact writes elements, not the doctype in front of them. */
export const toDocument = (node: ComponentChildren): string => `<!doctype html>\n${toHtml(node)}\n`;
