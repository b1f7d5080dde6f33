import * as fs from 'fs';
import { synthPlatform } from './fixture';
const r = synthPlatform(500);
const t = JSON.parse(fs.readFileSync(r.outdir + '/Bench.template.json', 'utf-8'));
const byType: Record<string, number> = {};
const sizes: Array<[string, number]> = [];
for (const [id, res] of Object.entries<any>(t.Resources)) {
  const n = JSON.stringify(res).length;
  byType[res.Type] = (byType[res.Type] ?? 0) + n;
  sizes.push([id, n]);
}
console.log(byType);
console.log(sizes.sort((a, b) => b[1] - a[1]).slice(0, 8));
console.log('minified', JSON.stringify(t).length, 'file', fs.statSync(r.outdir + '/Bench.template.json').size);
console.log(Object.keys(t), JSON.stringify(t.Rules ?? {}).length, JSON.stringify(t.Parameters ?? {}).length, JSON.stringify(t.Outputs ?? {}).length);
const alarm = Object.values<any>(t.Resources).find(x => x.Type === 'AWS::CloudWatch::Alarm' && x.Properties.Metrics);
console.log(JSON.stringify(alarm).slice(0, 1500));
r.cleanup();
