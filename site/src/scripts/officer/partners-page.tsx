/**
 * The partner directory: administrators change who receives what (each change kept
 * with who and when); officers read the names and data levels.
 */
import { ASB_CATEGORIES, HATE_MOTIVATIONS, REPORT_TYPES } from '../../../../shared/contracts/report-vocabulary';
import { labels, workspaceProfile } from './labels';
import { type Answer, type Body, officerApi } from './client';
import { allowedHere, announce, announceFailure, show, showSignedIn, signedIn, when } from './session';

type Directory = Extract<Answer<'listPartners'>, { history: unknown }>;
type Partner = Directory['partners'][number];
type Change = Directory['history'][number];
type Update = Body<'updatePartner'>;

const DATA_LEVEL_WORDS: Record<string, string> = {
  full: 'Everything, with contact details',
  'no-contact': 'Everything except who reported it',
  summary: 'What, where and when only',
};

function Checks(props: {
  partner: string;
  name: string;
  legend: string;
  values: readonly string[];
  chosen: string[] | undefined;
  label: (value: string) => string;
  hint: string;
}) {
  const id = `${props.partner}-${props.name}`;
  return (
    <div class="govuk-form-group">
      <fieldset class="govuk-fieldset" aria-describedby={`${id}-hint`}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{props.legend}</legend>
        <div class="govuk-hint" id={`${id}-hint`}>
          {props.hint}
        </div>
        <div class="govuk-checkboxes govuk-checkboxes--small">
          {props.values.map((v) => (
            <div class="govuk-checkboxes__item">
              <input
                class="govuk-checkboxes__input"
                id={`${id}-${v}`}
                name={props.name}
                type="checkbox"
                value={v}
                checked={props.chosen?.includes(v)}
              />
              <label class="govuk-label govuk-checkboxes__label" for={`${id}-${v}`}>
                {props.label(v)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

function PartnerForm({ partner: p }: { partner: Partner }) {
  return (
    <form class="workspace-partner" data-id={p.id} data-version={p.version} onSubmit={save}>
      <h2 class="govuk-heading-m">{p.name}</h2>
      <div class="govuk-form-group">
        <label class="govuk-label" for={`${p.id}-name`}>
          Name
        </label>
        <input class="govuk-input" id={`${p.id}-name`} name="name" value={p.name} />
      </div>
      <div class="govuk-form-group">
        <label class="govuk-label" for={`${p.id}-email`}>
          Email address for reports
        </label>
        <input class="govuk-input" id={`${p.id}-email`} name="email" type="email" value={p.email} spellcheck={false} />
      </div>
      <div class="govuk-form-group">
        <label class="govuk-label" for={`${p.id}-level`}>
          How much of each report they receive
        </label>
        <select class="govuk-select" id={`${p.id}-level`} name="dataLevel">
          {Object.entries(DATA_LEVEL_WORDS).map(([value, words]) => (
            <option value={value} selected={p.dataLevel === value}>
              {words}
            </option>
          ))}
        </select>
      </div>
      <Checks
        partner={p.id}
        name="types"
        legend="Report types"
        values={REPORT_TYPES}
        chosen={p.handles.types}
        label={labels.type}
        hint="Choose at least one."
      />
      <Checks
        partner={p.id}
        name="asbCategories"
        legend="ASB categories"
        values={ASB_CATEGORIES}
        chosen={p.handles.asbCategories}
        label={labels.category}
        hint="None ticked means every category."
      />
      <Checks
        partner={p.id}
        name="hateMotivations"
        legend="Hate motivations"
        values={HATE_MOTIVATIONS}
        chosen={p.handles.hateMotivations}
        label={labels.motivation}
        hint="None ticked means every motivation."
      />
      <Checks
        partner={p.id}
        name="areas"
        legend="Areas"
        values={workspaceProfile.areas.map((a) => a.id)}
        chosen={p.handles.areas === '*' ? undefined : p.handles.areas}
        label={labels.area}
        hint="None ticked means the whole district."
      />
      {p.updatedAt ? (
        <p class="govuk-body-s">
          Last changed {when(p.updatedAt)} by {p.updatedBy}
        </p>
      ) : null}
      <button class="govuk-button" type="submit">
        Save {p.name}
      </button>
    </form>
  );
}

/** Officers who are not administrators get names and data levels only: a list to read, not forms. */
function PartnerList({ partners }: { partners: Answer<'listPartners'>['partners'] }) {
  return (
    <>
      <p class="govuk-body">Only administrators can change partners.</p>
      <table class="govuk-table" id="partner-list">
        <caption class="govuk-table__caption govuk-table__caption--m">Partners</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              Partner
            </th>
            <th scope="col" class="govuk-table__header">
              What they receive
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {partners.map((p) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">{p.name}</td>
              <td class="govuk-table__cell">{DATA_LEVEL_WORDS[p.dataLevel] ?? p.dataLevel}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function History({ history }: { history: Change[] }) {
  if (history.length === 0) return <p class="govuk-body">No changes yet: every partner is as the profile set it up.</p>;
  return (
    <ul class="govuk-list">
      {history.map((h) => (
        <li>
          {when(h.at)}: {h.username} changed {h.after.name}
          {h.before.email !== h.after.email ? ` (email ${h.before.email} → ${h.after.email})` : ''}
        </li>
      ))}
    </ul>
  );
}

const partnersRegion = document.getElementById('partners')!;

async function load() {
  try {
    const directory = await officerApi('listPartners');
    if (!('history' in directory)) {
      document.getElementById('history-section')!.hidden = true;
      show(partnersRegion, <PartnerList partners={directory.partners} />);
      return;
    }
    const { partners, history } = directory;
    // Keyed by version: a saved partner's form is drawn afresh from what the API now holds.
    show(
      partnersRegion,
      partners.map((p) => <PartnerForm key={`${p.id}:${p.version}`} partner={p} />),
    );
    show(document.getElementById('history')!, <History history={history} />);
  } catch (error) {
    show(partnersRegion, null);
    announceFailure(error, 'The partners could not be loaded.');
  }
}

async function save(event: SubmitEvent) {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const data = new FormData(form);
  // The checkboxes offer only the contract's choices; the API checks them again.
  const list = <T extends string>(name: string) => data.getAll(name).map(String) as T[];
  const optional = <T extends string>(name: string) => (list<T>(name).length ? list<T>(name) : undefined);
  const body: Update = {
    version: Number(form.dataset.version),
    name: String(data.get('name')),
    email: String(data.get('email')),
    dataLevel: String(data.get('dataLevel')) as Update['dataLevel'],
    handles: {
      types: list('types'),
      asbCategories: optional('asbCategories'),
      hateMotivations: optional('hateMotivations'),
      areas: optional('areas') ?? '*',
    },
  };
  try {
    const result = await officerApi('updatePartner', { params: { id: form.dataset.id! }, body });
    await load();
    announce(result.message);
  } catch (error) {
    announceFailure(error, 'Not saved: check your connection and try again.');
  }
}

const session = await signedIn();
showSignedIn(session);
// A role that cannot use this page is told so in its place; nothing is loaded.
if (allowedHere(session, 'officer', 'see the partner directory')) void load();
