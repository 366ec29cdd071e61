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
