import { describe, expect, it } from 'vitest';
import { studyFromRows } from '../../src/records/index.js';
import { computeMeasures } from '../../src/measures/index.js';
import { renderStudyReport } from '../../src/pages/index.js';

describe('a lookup that does not say where its severity weights come from', () => {
  it('is said so on the page', async () => {
    const offences = [
      { code: 'VIO1', label: 'Assault', group: 'violence against the person', category: 'violent', mode_of_trial: 'either_way', severity: 300 },
    ];
    const people = Array.from({ length: 12 }, (_, i) => ({ person_id: `P${i}`, service: 'S', index_offence: 'VIO1', release_date: '2019-01-01' }));
    const s = studyFromRows({ people, events: [], offences }, { extractionDate: '2019-12-31' });
    const page = await renderStudyReport(s, computeMeasures(s), { profile: 'public', minCell: 5 });
    expect(page).toContain('Severity weights come from the offence lookup, which does not say where they come from');
  });
});
