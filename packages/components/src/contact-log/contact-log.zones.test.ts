// A contact at 00:30 on a summer night in London, logged through the widget with the browser in three time zones:
// the same stored instant, the same UK day and week on screen, the same MHSDS export date.
import { createClient, memoryDrafts, memoryStore, toMhsdsCareContacts, type Clock, type Store } from '@strkit/sdk';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../define/str-contact-log.js';
import type { StrContactLog } from './contact-log.js';
import { FIXTURE_PERSON, FIXTURE_PERSON_ID } from './contact-log.fixtures.js';

// 09:00 on Wednesday 3 June 2026 in London: the night before is still "today".
const clock: Clock = { now: () => new Date('2026-06-03T08:00:00Z') };
/** A memory store holding the fixture person (a memory store's put takes effect before it returns). */
const storeWithPerson = (): Store => {
  const store = memoryStore();
  void store.put('serviceUser', FIXTURE_PERSON);
  return store;
};

for (const zone of ['Europe/London', 'America/Los_Angeles', 'Asia/Kolkata']) {
  describe(`<str-contact-log> with the browser in ${zone}`, () => {
    before(() => executeServerCommand('emulate-timezone', { timezoneId: zone }));
    after(() => executeServerCommand('emulate-timezone', { timezoneId: '' }));

    it('00:30 on 3 June (BST) is stored as that instant, shown on 3 June in the week of 1 June, and exported as 3 June 00:30', async () => {
      const client = createClient({ store: storeWithPerson(), drafts: memoryDrafts(), actor: { id: 'w1', role: 'str-worker' }, clock });
      const el = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${FIXTURE_PERSON_ID} .client=${client} .clock=${clock}></str-contact-log>`);
      await el.updateComplete;
      const root = el.shadowRoot!;
      const set = (sel: string, value: string) => {
        const input = root.querySelector<HTMLInputElement>(sel)!;
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      };
      set('#date', '2026-06-03');
      set('#time', '00:30');
      set('#duration-custom', '20');
      root.querySelector<HTMLInputElement>('#mechanism-02')!.click();
      root.querySelector<HTMLInputElement>('#location-A01')!.click();
      await el.updateComplete;
      const saved = oneEvent(el, 'str-contact-saved');
      root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      const { detail } = await saved;
      const stored = await client.contacts.get(detail.id);
      expect(stored.start).to.equal('2026-06-03T00:30:00+01:00');
      expect(Date.parse(stored.start)).to.equal(Date.parse('2026-06-02T23:30:00Z'));
      for (let i = 0; i < 100 && !root.querySelector('.history li'); i++) await new Promise((r) => setTimeout(r, 10));
      const history = root.querySelector('[part=history]')!.textContent!.replace(/\s+/g, ' ');
      expect(history).to.include('Week beginning 1 June 2026');
      expect(history).to.include('3 June 2026, 00:30');
      const summary = root.querySelector('[part=summary]')!.textContent!.replace(/\s+/g, ' ');
      expect(summary, 'counted in this week').to.match(/This week \(from Monday\)\s*1 contact/);
      const [row] = toMhsdsCareContacts([stored], { serviceRequestId: 'SR-1', careProfTeamLocalId: 'T', orgIdComm: '15N' });
      expect(row).to.include({ CareContDate: '2026-06-03', CareContTime: '00:30:00' });
    });
  });
}
