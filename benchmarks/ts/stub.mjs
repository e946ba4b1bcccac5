// A stub server on the loopback interface answering every request with one JSON page, as the
// worker thread of list-bench.mjs does, run on its own so that list-bench.mjs (STUB_URL) and the
// Java client's ProductsListCpuTime (-Dstub.url) can list from the same server. Usage:
//   node stub.mjs <products-page.json> [port]
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const body = readFileSync(process.argv[2]);
const server = createServer((request, response) => {
	request.resume();
	response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
	response.end(body);
});
server.listen(Number(process.argv[3] ?? 0), '127.0.0.1', () => {
	console.log(`http://127.0.0.1:${server.address().port} answers with ${body.length} bytes`);
});
