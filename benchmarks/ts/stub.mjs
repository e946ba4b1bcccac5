// A stub server on the loopback interface answering every request with one JSON page. list-bench.mjs
// runs it in a worker thread (the port goes back to it as a message); run on its own, it lets
// list-bench.mjs (STUB_URL) and the Java client's ProductsListCpuTime or ListAgainstTypeScript
// (-Dstub.url) list from the same server. Usage:
//   node stub.mjs <products-page.json> [port]
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parentPort } from 'node:worker_threads';

const body = readFileSync(process.argv[2]);
const server = createServer((request, response) => {
	request.resume();
	response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
	response.end(body);
});
server.listen(Number(process.argv[3] ?? 0), '127.0.0.1', () => {
	if (parentPort) {
		parentPort.postMessage(server.address().port);
	}
	else {
		console.log(`http://127.0.0.1:${server.address().port} answers with ${body.length} bytes`);
	}
});
