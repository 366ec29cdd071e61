// The SDK must leave the host's zod alone (issue 19): zod keeps one configuration on globalThis for every copy on a
// page, and a strict CSP reports even a caught `new Function` probe. So this file imports zod first, as a host
// would, and the SDK only afterwards, with `new Function` blocked the way a strict CSP blocks it.
import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';

describe('the SDK and the host page’s zod', () => {
  it('importing and using @strkit/sdk leaves the host’s z.config() as it was and never tries eval', async () => {
    const before = { ...z.config() };
    const probes: unknown[] = [];
    const RealFunction = globalThis.Function;
    globalThis.Function = new Proxy(RealFunction, {
      construct(_target, args) {
        probes.push(args);
        throw new EvalError('blocked here as a strict CSP blocks it');
      },
    });
    let stored: unknown;
    try {
      const sdk = await import('@strkit/sdk');
      const client = sdk.createClient({ store: sdk.memoryStore(), actor: { id: 'lead-1', role: 'team-lead' } });
      stored = await client.serviceUsers.create({ displayName: 'Test Person Zed' });
    } finally {
      globalThis.Function = RealFunction;
    }
    expect(z.config()).to.deep.equal(before);
    expect('jitless' in z.config(), 'the SDK left jitless set on the host’s zod').to.equal(false);
    expect(probes, 'zod probed or compiled with new Function').to.have.length(0);
    expect((stored as { displayName: string }).displayName).to.equal('Test Person Zed');
  });

});
