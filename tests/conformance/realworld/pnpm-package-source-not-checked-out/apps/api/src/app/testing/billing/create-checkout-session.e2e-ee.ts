/* eslint-disable global-require */
import { expect } from 'chai';
// eslint-disable-next-line no-restricted-imports
import { StripeBillingIntervalEnum } from '@novu/ee-billing/src/stripe/types';
import { normalizeEmail } from '@novu/shared';

describe('Create checkout session #novu-v2', async () => {
  const eeBilling = require('@novu/ee-billing');

  it('should create a checkout session', () => {
    expect(eeBilling.CreateCheckoutSession && StripeBillingIntervalEnum.MONTH).to.be.ok;
    expect(normalizeEmail(' A@b.c ')).to.equal('a@b.c');
  });
});
