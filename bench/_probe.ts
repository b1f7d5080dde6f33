import { synthPlatform } from './fixture';
for (const n of [0, 1, 10, 100, 500]) {
  const t = process.hrtime.bigint();
  const r = synthPlatform(n);
  console.log(n, Number(process.hrtime.bigint() - t) / 1e6, 'ms', require('fs').readdirSync(r.outdir));
}
