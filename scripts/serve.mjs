// Serves examples/ on 127.0.0.1 with the strict CSP and Trusted Types the widgets must work under: the page as `npm run build`
// made it, or, under `npm start` (scripts/start.mjs), with its script built from sources.
// `npm run start:fhir` (--fhir): also starts the FHIR engine and proxies /fhir/R4 to it on this origin, so the page
// talks FHIR without loosening `connect-src 'self'`.
import { createServer, request } from 'node:http';
import { startFhirServer } from './fhir-server-process.mjs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../examples');
const port = Number(process.env.PORT ?? 8080);
const devDist = process.env.STRKIT_EXAMPLE_DIST;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.json': 'application/json', '.svg': 'image/svg+xml' };
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'; worker-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html strkit-sw";

const withFhir = process.argv.includes('--fhir');
const engine = withFhir ? await startFhirServer() : undefined;
const engineUrl = engine && new URL(engine.baseUrl);

function proxy(req, res) {
  // The page's own Host goes upstream, so the engine builds `next` links, `fullUrl`s and `Location`s on this origin:
  // the SDK rightly never follows a link to another origin (the engine's own port), and CSP allows only 'self'.
  const upstream = request(
    { host: engineUrl.hostname, port: engineUrl.port, method: req.method, path: req.url, headers: { ...req.headers } },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on('error', () => res.writeHead(502).end());
  req.pipe(upstream);
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (engine && url.pathname.startsWith('/fhir/')) return proxy(req, res);
  let path = normalize(decodeURIComponent(url.pathname));
  if (path.endsWith('/')) path += 'index.html';
  // `npm start` (scripts/start.mjs) builds the page's script from sources into its own directory.
  const fromDev = devDist !== undefined && path.startsWith('/dist/');
  const base = fromDev ? devDist : root;
  const file = join(base, fromDev ? path.slice('/dist'.length) : path);
  if (!file.startsWith(base)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  }
});

server.listen(port, '127.0.0.1', () => {
  const page = `http://127.0.0.1:${server.address().port}/`;
  if (engine) {
    console.log(`STR Kit example EPR page on the FHIR R4 engine: ${page}?store=fhir`);
    console.log(`FHIR R4 engine (Medplum router, in memory): ${page}fhir/R4`);
  } else console.log(`STR Kit example EPR page: ${page}`);
  console.log('Press Ctrl+C to stop.');
});

const stop = () => {
  engine?.child.kill();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
