/**
 * Weighted pools of offence codes (from the default lookup) that the
 * scenarios draw reconvictions and index offences from.
 */

/** Indictable reconvictions typical of people on the OPD pathway; all less serious (severity below 250) than the Resettle index offences. */
export const INDICTABLE_RECONVICTION: ReadonlyArray<readonly [string, number]> = [
  ['VAP-ABH', 4],
  ['POA-AFFRAY', 3],
  ['WPN-BLADE', 3],
  ['MISC-BREACH-RESTRAIN', 2],
  ['THF-SHOP', 3],
  ['THF-BURG-NONDWELL', 1],
  ['CDA-DAMAGE', 2],
  ['DRG-POSS-A', 2],
  ['VAP-EMERG-WORKER', 2],
  ['THF-HANDLING', 1],
];
/** Indictable reconvictions after a sexual index offence (order breaches, notification failures). */
export const INDICTABLE_AFTER_SEXUAL: ReadonlyArray<readonly [string, number]> = [
  ['MISC-NOTIFICATION', 3],
  ['MISC-BREACH-SHPO', 2],
  ['SEX-EXPOSURE', 1],
  ['VAP-ABH', 1],
];
/** Summary-only reconvictions. */
export const SUMMARY_RECONVICTION: ReadonlyArray<readonly [string, number]> = [
  ['SNM-COMMON-ASSAULT', 4],
  ['SNM-POA-S5', 3],
  ['SNM-POA-S4A', 2],
  ['SNM-DRUNK-DISORDERLY', 2],
  ['SMO-DISQUALIFIED', 2],
  ['SMO-EXCESS-ALCOHOL', 1],
  ['SNM-FAIL-SURRENDER', 2],
  ['SNM-RESIST-CONSTABLE', 2],
  ['SNM-HARASSMENT', 1],
  ['SMO-NO-INSURANCE', 1],
];

/** Index offences of an OPD-pathway caseload: mostly violent and sexual, some arson and weapons. */
export const NATIONAL_INDEX: ReadonlyArray<readonly [string, number]> = [
  ['VAP-GBH-S18', 10],
  ['VAP-GBH-S20', 6],
  ['VAP-ABH', 4],
  ['ROB-ROBBERY', 7],
  ['VAP-ATT-MURDER', 2],
  ['VAP-MANSLAUGHTER', 2],
  ['VAP-MURDER', 2],
  ['VAP-KIDNAP', 2],
  ['VAP-THREATS-KILL', 3],
  ['VAP-COERCIVE-CONTROL', 3],
  ['VAP-STALKING-FEAR', 2],
  ['SEX-RAPE-16', 8],
  ['SEX-ASSAULT-PEN', 2],
  ['SEX-RAPE-U13', 2],
  ['SEX-ASSAULT', 3],
  ['SEX-ACTIVITY-CHILD', 2],
  ['SEX-IIOC-MAKE', 1],
  ['CDA-ARSON-LIFE', 3],
  ['CDA-ARSON', 2],
  ['WPN-FIREARM-PROHIB', 1],
  ['WPN-BLADE', 2],
  ['THF-BURG-AGG', 2],
  ['DRG-SUPPLY-A', 1],
];

/** Offences cautioned rather than prosecuted. */
export const CAUTION_OFFENCES: readonly string[] = ['SNM-POA-S5', 'DRG-POSS-CANNABIS', 'THF-SHOP', 'SNM-DRUNK-DISORDERLY'];
