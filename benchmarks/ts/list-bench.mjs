// Times Polar's official TypeScript SDK listing a page of 100 products from a stub server on the
// loopback interface, the same page ProductsListBenchmark's stub serves with page=corpus, so the
// two can be compared on one machine. The stub runs in a worker thread, as the JDK's HttpServer
// runs on its own thread in the JMH benchmark. Usage (see README.md):
//   [STUB_URL=http://127.0.0.1:<port>] node list-bench.mjs <products-page.json> [<path to node_modules/@polar-sh/sdk>]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const WARMUP_SECONDS = 10;
const ITERATIONS = 5;
const ITERATION_SECONDS = 2;

const pageFile = process.argv[2];
const sdkDir = process.argv[3] ?? path.join(process.cwd(), 'node_modules', '@polar-sh', 'sdk');
const sdkVersion = JSON.parse(readFileSync(path.join(sdkDir, 'package.json'), 'utf8')).version;
const { createPolar } = await import(pathToFileURL(path.join(sdkDir, 'dist', '2026-10', 'index.mjs')).href);
const page = readFileSync(pageFile);

// The stub: every request is answered with the page, by stub.mjs in a worker thread; or, with
// STUB_URL set, a stub already running (stub.mjs, or the JMH benchmarks' StubServer), so that this
// SDK and the Java client can be timed against the same server.
let stub = null;
let baseUrl = process.env.STUB_URL;
if (!baseUrl) {
	stub = new Worker(new URL('./stub.mjs', import.meta.url), { argv: [pageFile] });
	const port = await new Promise((resolve, reject) => {
		stub.once('message', resolve);
		stub.once('error', reject);
	});
	baseUrl = `http://127.0.0.1:${port}`;
}

const polar = createPolar({ accessToken: 'polar_oat_BenchmarkToken', baseUrl, timeout: 60 });
const calls = {
	// The SDK's call, as an application makes it.
	sdk: () => polar.products.list({ limit: 100 }),
	// Node's own floor: the same request with fetch, parsed by response.json().
	fetch: () => fetch(`${baseUrl}/v1/products/?page=1&limit=100&sorting=-created_at`, {
		headers: { 'Polar-Version': '2026-10', Authorization: 'Bearer polar_oat_BenchmarkToken' },
	}).then((response) => response.json()),
};

for (const [name, call] of Object.entries(calls)) {
	const first = await call();
	if (first.items.length !== 100) {
		throw new Error(`The ${name} call read ${first.items.length} products, expected 100`);
	}
}

let sink = 0;
async function run(call, seconds) {
	const end = process.hrtime.bigint() + BigInt(seconds * 1e9);
	let operations = 0;
	while (process.hrtime.bigint() < end) {
		sink += (await call()).items.length;
		operations++;
	}
	return operations / seconds;
}

// Driven batch by batch (BATCHES_FROM_STDIN=<calls a batch>), as ListAgainstTypeScript does: after
// the warm-up, "ready"; then, for each line read, that many SDK calls and the milliseconds a call.
const batchCalls = Number(process.env.BATCHES_FROM_STDIN ?? 0);
if (batchCalls > 0) {
	await run(calls.sdk, WARMUP_SECONDS);
	console.log('ready');
	const { createInterface } = await import('node:readline');
	for await (const line of createInterface({ input: process.stdin })) {
		const start = process.hrtime.bigint();
		for (let i = 0; i < batchCalls; i++) {
			sink += (await calls.sdk()).items.length;
		}
		console.log(`${Number(process.hrtime.bigint() - start) / 1e6 / batchCalls}`);
	}
	await stub?.terminate();
	process.exit(sink > 0 ? 0 : 1);
}

console.log(`@polar-sh/sdk ${sdkVersion} products.list({ limit: 100 }), node ${process.version}, `
	+ `a page of ${page.length} bytes from ${stub ? 'a stub in a worker thread' : baseUrl}`);
for (const [name, call] of Object.entries(calls)) {
	await run(call, WARMUP_SECONDS);
	const scores = [];
	for (let iteration = 1; iteration <= ITERATIONS; iteration++) {
		const score = await run(call, ITERATION_SECONDS);
		scores.push(score);
		console.log(`${name} iteration ${iteration}: ${score.toFixed(1)} calls/s`);
	}
	const mean = scores.reduce((a, b) => a + b) / scores.length;
	console.log(`${name} mean: ${mean.toFixed(1)} calls/s (min ${Math.min(...scores).toFixed(1)}, `
		+ `max ${Math.max(...scores).toFixed(1)}) on one thread${sink < 0 ? '' : ''}`);
}
await stub?.terminate();
