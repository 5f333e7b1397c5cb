/**
 * The IIRMS services of the national sample: about twenty, named in the style
 * of the real regional services, each with its own size, start year and
 * outcome propensities so that a services comparison has something to show.
 * The propensities are invented for the synthetic data; they describe no real
 * service.
 */

export interface ServiceProfile {
  name: string;
  /** Relative size of the caseload. */
  size: number;
  /** Year of the first in-reach. */
  since: number;
  /** Chance that a released person is recalled during their time in service. */
  pRecall: number;
  /** Chance that a released person is reconvicted by the extraction date. */
  pReconviction: number;
  /** Share of the caseload in custody on a given day. */
  custodyShare: number;
  /** Levels of provision recorded in the tier column, if the service uses them. */
  tiers?: ReadonlyArray<readonly [string, number]>;
}

export const NATIONAL_SERVICES: readonly ServiceProfile[] = [
  {
    name: 'North East and Cumbria',
    size: 1.2,
    since: 2015,
    pRecall: 0.3,
    pReconviction: 0.27,
    custodyShare: 0.34,
    tiers: [
      ['standard', 0.6],
      ['enhanced', 0.4],
    ],
  },
  { name: 'Yorkshire and the Humber', size: 1.3, since: 2016, pRecall: 0.35, pReconviction: 0.3, custodyShare: 0.36 },
  { name: 'Greater Manchester', size: 1.4, since: 2015, pRecall: 0.42, pReconviction: 0.33, custodyShare: 0.38 },
  { name: 'Resettle (Liverpool)', size: 0.8, since: 2013, pRecall: 0.58, pReconviction: 0.36, custodyShare: 0.42 },
  { name: 'Lancashire', size: 0.6, since: 2017, pRecall: 0.3, pReconviction: 0.27, custodyShare: 0.33 },
  { name: 'Cheshire', size: 0.5, since: 2018, pRecall: 0.24, pReconviction: 0.22, custodyShare: 0.31 },
  { name: 'East Midlands', size: 1.1, since: 2016, pRecall: 0.33, pReconviction: 0.3, custodyShare: 0.35 },
  { name: 'West Midlands', size: 1.3, since: 2016, pRecall: 0.38, pReconviction: 0.31, custodyShare: 0.37 },
  { name: 'Staffordshire and West Mercia', size: 0.5, since: 2018, pRecall: 0.29, pReconviction: 0.27, custodyShare: 0.33 },
  { name: 'East of England', size: 1.0, since: 2017, pRecall: 0.28, pReconviction: 0.26, custodyShare: 0.33 },
  { name: 'Kent, Surrey and Sussex', size: 1.0, since: 2016, pRecall: 0.3, pReconviction: 0.25, custodyShare: 0.35 },
  { name: 'London Pathways', size: 1.8, since: 2015, pRecall: 0.45, pReconviction: 0.36, custodyShare: 0.37 },
  { name: 'Thames Valley', size: 0.7, since: 2017, pRecall: 0.22, pReconviction: 0.22, custodyShare: 0.32 },
  { name: 'Hampshire and Isle of Wight', size: 0.6, since: 2018, pRecall: 0.27, pReconviction: 0.24, custodyShare: 0.33 },
  { name: 'Avon and Somerset', size: 0.7, since: 2017, pRecall: 0.32, pReconviction: 0.29, custodyShare: 0.34 },
  { name: 'Devon and Cornwall', size: 0.5, since: 2018, pRecall: 0.18, pReconviction: 0.2, custodyShare: 0.3 },
  { name: 'Wessex (Dorset and Wiltshire)', size: 0.4, since: 2019, pRecall: 0.21, pReconviction: 0.21, custodyShare: 0.31 },
  {
    name: 'South Wales',
    size: 0.6,
    since: 2017,
    pRecall: 0.33,
    pReconviction: 0.28,
    custodyShare: 0.35,
    tiers: [
      ['Tier 2', 0.55],
      ['Tier 3', 0.45],
    ],
  },
  { name: 'North Wales', size: 0.35, since: 2019, pRecall: 0.26, pReconviction: 0.25, custodyShare: 0.32 },
  { name: 'Gwent and Dyfed-Powys', size: 0.35, since: 2019, pRecall: 0.3, pReconviction: 0.26, custodyShare: 0.34 },
];
