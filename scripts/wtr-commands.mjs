// Test-runner commands that reach into the real browser through puppeteer.

/** `executeServerCommand('emulate-timezone', { timezoneId })`: the page's time zone, as a device abroad would have. */
export function emulateTimezonePlugin() {
  return {
    name: 'strkit-emulate-timezone',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-timezone') return undefined;
      const page = session.browser.getPage(session.id);
      await page.emulateTimezone(payload?.timezoneId || undefined);
      return true;
    },
  };
}

/**
 * `executeServerCommand('clear-origin-storage')`: what eviction does. Every storage type of the page's origin
 * (IndexedDB, Cache API, OPFS, localStorage, …) is cleared through CDP `Storage.clearDataForOrigin`.
 */
export function clearOriginStoragePlugin() {
  return {
    name: 'strkit-clear-origin-storage',
    async executeCommand({ command, session }) {
      if (command !== 'clear-origin-storage') return undefined;
      const page = session.browser.getPage(session.id);
      const cdp = await page.createCDPSession();
      try {
        await cdp.send('Storage.clearDataForOrigin', { origin: new URL(page.url()).origin, storageTypes: 'all' });
      } finally {
        await cdp.detach();
      }
      return true;
    },
  };
}

/**
 * `executeServerCommand('override-quota', { quotaSize })`: a device nearly out of space. The page's origin gets a
 * storage quota of `quotaSize` bytes (CDP `Storage.overrideQuotaForOrigin`); without `quotaSize`, the real quota again.
 * The override lasts while its CDP session is attached, so the session stays open with the page.
 */
export function overrideQuotaPlugin() {
  const sessions = new Map();
  return {
    name: 'strkit-override-quota',
    async executeCommand({ command, payload, session }) {
      if (command !== 'override-quota') return undefined;
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) {
        cdp = await page.createCDPSession();
        sessions.set(page, cdp);
      }
      const origin = new URL(page.url()).origin;
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, ...(payload?.quotaSize !== undefined && { quotaSize: payload.quotaSize }) });
      return true;
    },
  };
}

/**
 * Starts the FHIR engine (test/fhir-server/server.mjs) as a child process on a random 127.0.0.1 port for the whole
 * run; tests get its base URL with `executeServerCommand('fhir-base-url')`. The IPC channel ends the child with us.
 * In front of it, a fault proxy (test/fhir-server/fault-proxy.mjs): `executeServerCommand('fault-proxy-url')`.
 */
export function fhirServerPlugin() {
  let child;
  let baseUrl;
  let proxy;
  return {
    name: 'strkit-fhir-server',
    async serverStart() {
      const { startFhirServer } = await import('./fhir-server-process.mjs');
      ({ child, baseUrl } = await startFhirServer());
    },
    async serverStop() {
      child?.kill();
      const p = await proxy;
      p?.server.closeAllConnections?.();
      p?.server.close();
    },
    async executeCommand({ command }) {
      if (command === 'fhir-base-url') return baseUrl;
      if (command === 'fault-proxy-url') {
        proxy ??= import('../test/fhir-server/fault-proxy.mjs').then(({ startFaultProxy }) => startFaultProxy(new URL(baseUrl).origin));
        return (await proxy).url;
      }
      return undefined;
    },
  };
}

/**
 * `executeServerCommand('emulate-media-features', { features: [{ name: 'forced-colors', value: 'active' }] })`: CSS media
 * features as a device set that way would have (CDP `Emulation.setEmulatedMedia`); `{ features: [] }` clears them.
 * For features the built-in `emulateMedia` (puppeteer) refuses, such as `forced-colors`. The CDP session stays open
 * while the page does: emulation ends when its session detaches.
 */
export function emulateMediaPlugin() {
  const sessions = new Map();
  return {
    name: 'strkit-emulate-media',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-media-features') return undefined;
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) {
        cdp = await page.createCDPSession();
        sessions.set(page, cdp);
      }
      await cdp.send('Emulation.setEmulatedMedia', { features: payload?.features ?? [] });
      return true;
    },
  };
}

/**
 * `print-pdf`: prints the test page as Chromium prints it (puppeteer's page.pdf, A4 with a browser's default margins,
 * the page's print styles) and answers with the PDF as base64, for a test to read back with pdf.js (issue 23: the person's copy).
 * `keep-file` with `{ path, base64 }` keeps what a test made (a page's image) under .tmp/ for a person to look at.
 */
export function printPdfPlugin() {
  return {
    name: 'strkit-print-pdf',
    async executeCommand({ command, payload, session }) {
      if (command === 'print-pdf') {
        const page = session.browser.getPage(session.id);
        // A4 with the margins a browser's print dialog gives by default (about 1 cm), as a person printing would get.
        const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '10mm', right: '10mm', bottom: '10mm', left: '10mm' } });
        return Buffer.from(pdf).toString('base64');
      }
      if (command === 'keep-file') {
        const { mkdirSync, writeFileSync } = await import('node:fs');
        const { dirname, resolve } = await import('node:path');
        const root = resolve(import.meta.dirname, '..', '.tmp');
        const target = resolve(root, String(payload?.path ?? ''));
        if (!target.startsWith(`${root}/`)) throw new Error('keep-file writes under .tmp/ only');
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, Buffer.from(String(payload?.base64 ?? ''), 'base64'));
        return true;
      }
      return undefined;
    },
  };
}
