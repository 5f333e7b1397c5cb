/**
 * What `follow-up init DIR` writes (issue 12): a study file (study-file.md),
 * the tables of records.md with their headers and one line of example data
 * each, and a starter notebook that loads the study and renders a page.
 */

const STUDY_JSON = `${JSON.stringify(
  {
    title: 'New follow-up study',
    people: 'people.csv',
    events: 'events.csv',
    offences: 'offences.csv',
    extractionDate: '2023-12-31',
    options: { recallWindow: 'intervention', reconvictionWindow: 'since_release', includeCautions: false, groupBy: 'category' },
    report: { profile: 'public', minCell: 5 },
  },
  null,
  2,
)}\n`;

// records.md, "people": every column, required and optional, in its order.
const PEOPLE_CSV =
  'person_id,service,tier,sex,ethnicity,age_at_release,index_offence,prior_convictions,custody_years_before_release,aces,referral_date,in_reach_start,release_date,service_end,end_reason,included,exclusion_reason,follow_up_end\n' +
  'ex0001,Example service,standard,male,White,31,EX-ABH,4,2.5,3,2021-01-11,2021-03-01,2021-06-14,2022-12-05,completed,true,,\n';

// records.md, "events": one conviction (date = the offence date).
const EVENTS_CSV = 'person_id,type,date,conviction_date,offence,recall_reasons\n' + 'ex0001,conviction,2023-02-20,2023-05-02,EX-ABH,\n';

// records.md, "offence lookup".
const OFFENCES_CSV =
  '# Offence lookup of this study: one row per code used in people.index_offence and events.offence.\n' +
  '# Remove the "offences" key from study.json to use the toolkit\'s default lookup (data-samples/offences.csv) instead.\n' +
  'code,label,group,category,mode_of_trial,severity\n' +
  'EX-ABH,Assault occasioning actual bodily harm (example),violence against the person,violent,either_way,140\n';

const NOTEBOOK_NAME = 'first-look';

const NOTEBOOK_TS = `/**
 * Starter notebook: loads ../study.json, computes every measure and renders
 * reports/${NOTEBOOK_NAME}.html with a few sentences of commentary.
 *
 *   npx follow-up preview analyses/${NOTEBOOK_NAME}.ts   (live: edit, save, see the page change)
 *   npx tsx analyses/${NOTEBOOK_NAME}.ts                 (once)
 */
import { openStudy, writeReport } from 'follow-up';

const open = await openStudy(new URL('../study.json', import.meta.url));
// Every measure of measures.md is in open.measures (open.measures.recall.overall, …). The page
// below withholds small counts; a count written into the narrative by hand is not checked, so
// say in words what the figures mean rather than copying them.
const narrative = [
  \`This page follows the people of \${open.file.title ?? 'this study'} from their release: recall, reconviction and desistance, with their intervals.\`,
  'Write what the figures below mean for this service here: one paragraph per point.',
];

const path = await writeReport(open, { out: new URL('../reports/', import.meta.url), name: '${NOTEBOOK_NAME}', title: open.file.title ?? 'First look', narrative });
console.log(\`Wrote \${path}\`);
`;

// ES modules, so a notebook may await at its top level; `npm install <the follow-up folder>`
// adds the toolkit as a dependency and makes \`import … from 'follow-up'\` resolve.
const PACKAGE_JSON = `${JSON.stringify(
  {
    name: 'follow-up-study',
    private: true,
    type: 'module',
    scripts: {
      validate: 'follow-up validate --study study.json',
      preview: 'follow-up preview',
      report: 'follow-up report --study study.json --out reports',
    },
  },
  null,
  2,
)}\n`;

/** Files by path relative to DIR, in the order they are written. */
export const INIT_FILES: [string, string][] = [
  ['package.json', PACKAGE_JSON],
  ['study.json', STUDY_JSON],
  ['people.csv', PEOPLE_CSV],
  ['events.csv', EVENTS_CSV],
  ['offences.csv', OFFENCES_CSV],
  [`analyses/${NOTEBOOK_NAME}.ts`, NOTEBOOK_TS],
];
