import { expect } from '@open-wc/testing';
import { notifyRecord, requestIntent, StrIntentEvent, StrRecordEvent } from './events.js';

describe('widget events (ADR 0010)', () => {
  it('an intent bubbles out of a shadow root, is cancelable, and reports a cancel', () => {
    const outer = document.createElement('div');
    const root = outer.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    root.append(inner);
    document.body.append(outer);
    const seen: Event[] = [];
    document.body.addEventListener('str-thing-save', (e) => { seen.push(e); e.preventDefault(); }, { once: true });
    const went = requestIntent(inner, 'str-thing-save', { id: 'x' });
    outer.remove();
    expect(went).to.equal(false);
    expect(seen).to.have.length(1);
    expect(seen[0]).to.be.instanceOf(StrIntentEvent);
    expect((seen[0] as StrIntentEvent<{ id: string }>).detail).to.deep.equal({ id: 'x' });
    const [event] = seen as [Event];
    expect(event.composed && event.bubbles && event.cancelable).to.equal(true);
  });

  it('a notification carries the record notice and cannot be cancelled', () => {
    const el = document.createElement('div');
    document.body.append(el);
    let got: StrRecordEvent | undefined;
    document.addEventListener('str-thing-saved', (e) => { got = e as StrRecordEvent; }, { once: true });
    notifyRecord(el, 'str-thing-saved', { type: 'contact', id: 'c1', version: '2', serviceUserId: 'p1' });
    el.remove();
    expect(got?.detail).to.deep.equal({ type: 'contact', id: 'c1', version: '2', serviceUserId: 'p1' });
    expect(got?.cancelable).to.equal(false);
  });
});
