/** The script of the page for adding files, published as /assets/evidence-form.js for the page the evidence function renders. */
import { enhanceEvidenceForm } from './evidence-form';

enhanceEvidenceForm();
