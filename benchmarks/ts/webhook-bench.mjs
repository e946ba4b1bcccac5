// Times Polar's official TypeScript SDK (validateEvent: verify, then read the typed event) on the
// deliveries WebhookReceiveBenchmark uses, so the two can be compared on one machine. Usage (see
// README.md):
//   node webhook-bench.mjs <deliveries.json> [<path to node_modules/@polar-sh/sdk>]
// With the shared vectors' file it takes their six valid cases (deliveries=vectors); with the
// corpus's deliveries.json (CorpusWriter), every delivery in it (deliveries=corpus).
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = ['order.created', 'order.paid', 'order.updated', 'order.refunded', 'product.created',
	'customer.state_changed'];
const WARMUP_SECONDS = 10;
const ITERATIONS = 5;
const ITERATION_SECONDS = 2;

const vectorsFile = process.argv[2];
const sdkDir = process.argv[3] ?? path.join(process.cwd(), 'node_modules', '@polar-sh', 'sdk');
const sdkVersion = JSON.parse(readFileSync(path.join(sdkDir, 'package.json'), 'utf8')).version;
// The 0.x SDKs export a synchronous validateEvent (signature, then zod parsing) from
// dist/esm/webhooks.js; 1.x exports one per API version, asynchronous (WebCrypto), that checks
// the signature and the event type and returns JSON.parse's result without validating it.
const legacyModule = path.join(sdkDir, 'dist', 'esm', 'webhooks.js');
const validateEvent = existsSync(legacyModule)
	? (await import(pathToFileURL(legacyModule).href)).validateEvent
	: (await import(pathToFileURL(path.join(sdkDir, 'dist', '2026-10', 'index.mjs')).href)).webhooks.validateEvent;

const cases = JSON.parse(readFileSync(vectorsFile, 'utf8')).cases;
const corpus = cases.some((c) => c.name.endsWith(': corpus'));
const vectors = corpus ? cases.filter((c) => c.expect === 'accepted')
	: cases.filter((c) => c.expect === 'accepted' && TYPES.includes(c.type) && c.name.endsWith(': valid'));
if (!corpus && vectors.length !== TYPES.length) {
	throw new Error(`Expected one valid vector per type of ${TYPES}, found ${vectors.length}`);
}

// validateEvent checks the timestamp against Date.now() and takes no clock, so each delivery is
// signed again for now, as Polar signs: HMAC-SHA256 keyed with the UTF-8 bytes of the whole secret.
const now = Math.floor(Date.now() / 1000);
const deliveries = vectors.map((vector) => {
	const id = vector.headers['webhook-id'];
	const signature = createHmac('sha256', Buffer.from(vector.secret, 'utf8'))
		.update(`${id}.${now}.${vector.body}`)
		.digest('base64');
	return {
		type: vector.type,
		body: Buffer.from(vector.body, 'utf8'),
		headers: { 'webhook-id': id, 'webhook-timestamp': String(now), 'webhook-signature': `v1,${signature}` },
		secret: vector.secret,
	};
});

for (const delivery of deliveries) {
	const event = await validateEvent(delivery.body, delivery.headers, delivery.secret);
	if (event.type !== delivery.type) {
		throw new Error(`validateEvent returned ${event.type} for a ${delivery.type} delivery`);
	}
}

let sink = 0;
async function run(seconds) {
	const end = process.hrtime.bigint() + BigInt(seconds * 1e9);
	let operations = 0;
	let i = 0;
	while (process.hrtime.bigint() < end) {
		// Batches keep the clock reads out of the measurement.
		for (let batch = 0; batch < 100; batch++) {
			const delivery = deliveries[i];
			i = (i + 1 === deliveries.length) ? 0 : i + 1;
			// await is a no-op on the 0.x SDKs' synchronous result.
			sink += (await validateEvent(delivery.body, delivery.headers, delivery.secret)).type.length;
			operations++;
		}
	}
	return operations / seconds;
}

const sizes = deliveries.map((delivery) => delivery.body.length);
console.log(`@polar-sh/sdk ${sdkVersion} validateEvent, node ${process.version}, ${deliveries.length} deliveries of `
	+ `${Math.min(...sizes)} to ${Math.max(...sizes)} bytes (mean ${Math.round(sizes.reduce((a, b) => a + b) / sizes.length)})`);
await run(WARMUP_SECONDS);
const scores = [];
for (let iteration = 1; iteration <= ITERATIONS; iteration++) {
	const score = await run(ITERATION_SECONDS);
	scores.push(score);
	console.log(`Iteration ${iteration}: ${score.toFixed(1)} deliveries/s`);
}
const mean = scores.reduce((a, b) => a + b) / scores.length;
console.log(`Mean: ${mean.toFixed(1)} deliveries/s (min ${Math.min(...scores).toFixed(1)}, `
	+ `max ${Math.max(...scores).toFixed(1)}) on one thread${sink < 0 ? '' : ''}`);
