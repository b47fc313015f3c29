/**
 * The load generator of `npm run bench:scale`, run as a process of its own:
 * `tsx scale-load.ts <seconds> <connections> <url> [<url> …]` splits the connections evenly over
 * the URLs (as a round-robin balancer would), loads them all at once from this one process, and
 * prints the summed figures as JSON. One instance and two are thus loaded by the same generator.
 */
import autocannon, { type Result } from 'autocannon';

const [secondsArg = '10', connectionsArg = '50', ...urls] = process.argv.slice(2);
const seconds = Number(secondsArg);
const connections = Number(connectionsArg);
if (!urls.length || !(seconds > 0) || !(connections >= urls.length))
  throw new Error('usage: scale-load.ts <seconds> <connections> <url> [<url> …]');

const results: Result[] = await Promise.all(
  urls.map((url) => autocannon({ url, connections: connections / urls.length, duration: seconds })),
);
const total = (pick: (result: Result) => number): number =>
  results.reduce((sum, result) => sum + pick(result), 0);
process.stdout.write(
  JSON.stringify({
    requestsPerSecond: total((r) => r.requests.average),
    requests: total((r) => r.requests.total),
    errors: total((r) => r.errors),
    timeouts: total((r) => r.timeouts),
    non2xx: total((r) => r.non2xx),
    p99Ms: Math.max(...results.map((r) => r.latency.p99)),
  }),
);
