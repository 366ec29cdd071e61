// Spawns the test FHIR engine and resolves with its base URL (the first line it prints).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export function startFhirServer({ port = 0, stdio = 'pipe' } = {}) {
  const script = resolve(import.meta.dirname, '../test/fhir-server/server.mjs');
  // @medplum/* 5.x wants Node ≥ 22; on Node 20 it loads with the WebSocket flag (TOOLCHAIN.md, pitfall 10).
  const flags = typeof globalThis.WebSocket === 'undefined' ? ['--experimental-websocket', '--no-warnings'] : [];
  const child = spawn(process.execPath, [...flags, script, '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  return new Promise((resolvePromise, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('The FHIR engine did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`The FHIR engine exited (${code})`)));
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const nl = buffered.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        const baseUrl = buffered.slice(0, nl).trim();
        if (stdio === 'inherit') child.stdout.pipe(process.stdout);
        else child.stdout.resume();
        resolvePromise({ child, baseUrl });
      }
    });
  });
}
