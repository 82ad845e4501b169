import { fixture, html, expect } from '@open-wc/testing';
import '../../src/index.ts';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import { settle, headingText, screenOf } from './helpers.ts';

describe('smoke', () => {
  it('renders the first question', async () => {
    const el = await fixture<ReferralGuide>(html`<referral-guide lang="en"></referral-guide>`);
    await settle(el);
    expect(screenOf(el)).to.equal('question');
    expect(headingText(el)).to.contain('acute');
  });
});
