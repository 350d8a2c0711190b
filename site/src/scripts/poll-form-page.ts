/** The vote page's script, published as /assets/poll-form.js for the page the poll function renders. */
import { enhancePollForm } from './poll-form';

enhancePollForm();
