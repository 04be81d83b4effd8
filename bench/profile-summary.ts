// Prints the functions with the most self time in a V8 CPU profile (BENCH_PROFILE=api npm run bench ...).
//   npx tsx bench/profile-summary.ts bench/results/profiles/<file>.cpuprofile [top] [requests]
// With the number of requests served meanwhile (the run's log prints it), also CPU ms per request.
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const [file, topArg, requestsArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; startTime: number; endTime: number };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const counts = new Map<number, number>();
for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
const self = new Map<string, number>();
const byPackage = new Map<string, number>();
for (const [id, c] of counts) {
  const n = byId.get(id)!;
  const where = n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/main\//, '');
  const key = `${n.callFrame.functionName || '(anonymous)'}  ${where}:${n.callFrame.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + c);
  const pkg = n.callFrame.url.includes('node_modules/') ? n.callFrame.url.replace(/^.*node_modules\//, '').split('/').slice(0, n.callFrame.url.includes('node_modules/@') ? 2 : 1).join('/') : n.callFrame.url.startsWith('file://') ? 'project' : n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : 'node';
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + c);
}
const total = profile.samples.length;
const msPerSample = (profile.endTime - profile.startTime) / 1000 / total;
const requests = Number(requestsArg ?? 0);
const pct = (c: number) =>
  `${((100 * c) / total).toFixed(1)}%`.padStart(6) + (requests > 0 ? `${((c * msPerSample) / requests).toFixed(3).padStart(8)} ms/req` : '');
console.log(`${total} samples over ${Math.round(total * msPerSample)} ms${requests > 0 ? `, ${requests} requests` : ''}\n-- by package --`);
for (const [k, c] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(pct(c), k);
console.log('-- by function (self) --');
for (const [k, c] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 30))) console.log(pct(c), k);
