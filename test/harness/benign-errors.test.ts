import { expect } from '@open-wc/testing';

const loopMessage = 'ResizeObserver loop completed with undelivered notifications.';

describe('test harness: the benign ResizeObserver notice', () => {
  it('a real resize loop does not fail the file (the notice is swallowed before mocha sees it)', async () => {
    const box = document.createElement('div');
    box.style.width = '10px';
    document.body.append(box);
    let calls = 0;
    const observer = new ResizeObserver(() => {
      calls += 1;
      // Growing the box inside its own callback leaves a notification undelivered: the browser reports the loop.
      if (calls < 5) box.style.width = `${10 + calls * 10}px`;
    });
    observer.observe(box);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))));
    observer.disconnect();
    box.remove();
    expect(calls).to.be.greaterThan(1);
  });

  it('only that notice is swallowed: any other error still reaches window.onerror', () => {
    const seen: string[] = [];
    const mochas = window.onerror;
    window.onerror = (message) => {
      seen.push(String(message));
      return true;
    };
    try {
      window.dispatchEvent(new ErrorEvent('error', { message: loopMessage }));
      window.dispatchEvent(new ErrorEvent('error', { message: 'TypeError: something real' }));
    } finally {
      window.onerror = mochas;
    }
    expect(seen).to.deep.equal(['TypeError: something real']);
  });
});
