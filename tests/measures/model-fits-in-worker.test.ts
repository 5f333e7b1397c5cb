/**
 * The adjusted comparison's fits on a worker thread (model-fits.ts) give the same
 * comparison, bit for bit, as the same fits in this thread, on every seeded case-mix study
 * (measures.md, "Services compared, adjusted for whom they take on"); a fit that fails on
 * the worker is reported here with its reason.
 */
import { describe, expect, it } from 'vitest';
import { startAdjustedComparison } from '../../src/measures/adjusted-services.js';
import { desistanceOutcomes } from '../../src/measures/desistance.js';
import { modelFitter } from '../../src/measures/model-fits.js';
import { resolveOptions } from '../../src/measures/options.js';
import { provenOutcomes } from '../../src/measures/proven-reoffending.js';
import { loadStudy } from '../../src/records/index.js';
import { designMatrix } from '../../src/stats/design-matrix.js';
import { CASE_MIX_STUDIES } from './casemix-studies.js';

const dir = new URL('../fixtures/r/casemix/', import.meta.url).pathname;

describe('model fits on a worker thread', () => {
  for (const spec of CASE_MIX_STUDIES) {
    it(`${spec.name}: the same comparison as in this thread`, async () => {
      const study = await loadStudy(
        { people: `${dir}${spec.name}-people.csv`, events: `${dir}${spec.name}-events.csv`, offences: `${dir}offences.csv` },
        { extractionDate: '2024-12-31' },
      );
      const opts = resolveOptions({ caseMix: spec.caseMix, provenWindowMonths: spec.provenWindowMonths });
      const outcomes = { provenReoffending: provenOutcomes(study, opts), desistance: desistanceOutcomes(study, opts) };
      const here = startAdjustedComparison(study, outcomes, opts, 'here').finish();
      const beside = startAdjustedComparison(study, outcomes, opts, 'worker').finish();
      expect(here?.timeToReconviction, 'the Cox model is fitted').toBeTruthy();
      expect(here?.recall, 'the recall model is fitted').toBeTruthy();
      expect(beside).toEqual(here);
      expect(JSON.stringify(beside)).toBe(JSON.stringify(here));
    });
  }

  it('reports a fit that fails on the worker, with its reason', () => {
    const fitter = modelFitter(10, 'worker');
    try {
      const design = designMatrix([{ name: 'x', values: [1, 2, 3] }], { n: 3, shared: true });
      const pending = fitter.beside({ kind: 'logistic', design, y: Float64Array.of(0, 1) });
      expect(pending).toThrow(/a model fit on a worker thread failed: RangeError: logisticRegression: y has 2 values, the design 3 rows/);
    } finally {
      fitter.stop();
    }
  });
});
