import { loadStudy } from '/work/wt/scale-load/src/records/index.js';
const dir = process.argv[2];
const t = Date.now();
const s = await loadStudy({ people: dir + '/people.csv', events: dir + '/events.csv' }, { extractionDate: '2024-03-31' });
console.log(JSON.stringify({ ms: Date.now() - t, events: s.events.numRows(), rss: process.resourceUsage().maxRSS / 1024 }));
