// Preloaded into a preview run (node --import): records the data files the
// notebook reads, so that the preview can watch them and serve them. Plain JS:
// it runs before tsx is in place.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';

const out = process.env.FOLLOW_UP_PREVIEW_READS;
if (out) {
  const reads = new Set();
  const note = (p) => {
    if (typeof p === 'string' || p instanceof URL) {
      const path = resolve(p instanceof URL ? p.pathname : p);
      if (!path.includes('/node_modules/') && !/\.(m?[tj]s|tsx)$/.test(path) && !/(^|\/)(package|tsconfig)\.json$/.test(path)) reads.add(path);
    }
  };
  const wrap = (object, name) => {
    const original = object[name];
    object[name] = function (p, ...rest) {
      note(p);
      return original.call(this, p, ...rest);
    };
  };
  for (const name of ['openSync', 'readFileSync', 'createReadStream', 'open', 'readFile']) wrap(fs, name);
  for (const name of ['open', 'readFile']) wrap(fs.promises, name);
  // Named imports of node:fs (import { openSync } from 'node:fs') see the wrapped functions.
  syncBuiltinESMExports();
  process.on('exit', () => fs.writeFileSync(out, JSON.stringify([...reads])));
}
