import { expect } from '@open-wc/testing';
import '../define/str-provider.js';
import '../define/str-contact-log.js';
import '../define/str-care-plan.js';
import { StrContactLog } from '../contact-log/contact-log.js';
import { defineElement, STRKIT_COMPONENTS_VERSION } from './define.js';
import pkg from '../../package.json';

// A second copy of the kit on one page (two bundles, or two versions in a host's dependencies) brings its own
// classes for the same tags: it must not throw, the first copy keeps working, and the host is told once.
describe('defineElement: a second copy of STR Kit on the page', () => {
  it('registers nothing twice, throws nothing and warns once per page naming both versions', () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      class SecondContactLog extends HTMLElement {}
      class SecondCarePlan extends HTMLElement {}
      expect(() => defineElement('str-contact-log', SecondContactLog)).to.not.throw();
      expect(() => defineElement('str-care-plan', SecondCarePlan)).to.not.throw();
      expect(() => defineElement('str-contact-log', StrContactLog), 'the same class again').to.not.throw();
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('str-contact-log')).to.equal(StrContactLog);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<str-contact-log>').and.contain(`already defined by STR Kit ${STRKIT_COMPONENTS_VERSION}`);
  });

  it('says the version package.json gives', () => {
    expect(STRKIT_COMPONENTS_VERSION).to.equal(pkg.version);
  });
});
