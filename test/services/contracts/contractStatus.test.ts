import { describe, expect, it } from 'vitest';
import { contractStatus, graceNoticeDate, needsRenewal } from '../../../services/contracts/index.js';
import { aContract } from './aContract.js';

/** maintenanceEnd of aContract() is 2025-06-30. */
const day = (month: number, date: number, year = 2025) => new Date(year, month - 1, date, 14, 30);

describe('contractStatus', () => {
  const contract = aContract();

  it('is active more than 60 days before the end', () => {
    expect(contractStatus(contract, day(4, 30))).toMatchObject({ status: 'active', daysLeft: 61, daysSinceEnd: 0 });
  });

  it('is expiring 60 days before the end', () => {
    expect(contractStatus(contract, day(5, 1))).toMatchObject({ status: 'expiring', daysLeft: 60 });
  });

  it('is still expiring, with 0 days left, on the end day itself', () => {
    expect(contractStatus(contract, day(6, 30))).toMatchObject({ status: 'expiring', daysLeft: 0, daysSinceEnd: 0 });
  });

  it('is expired from the day after the end', () => {
    expect(contractStatus(contract, day(7, 1))).toMatchObject({ status: 'expired', daysLeft: -1, daysSinceEnd: 1 });
  });

  it('counts calendar days, not 24-hour periods', () => {
    expect(contractStatus(contract, new Date(2025, 5, 29, 23, 59)).daysLeft).toBe(1);
    expect(contractStatus(contract, new Date(2025, 5, 30, 0, 1)).daysLeft).toBe(0);
  });

  it('starts the next term the day after the end, even long after it lapsed', () => {
    expect(contractStatus(contract, day(4, 1)).renewalStart).toEqual(new Date(2025, 6, 1));
    expect(contractStatus(contract, day(1, 15, 2026)).renewalStart).toEqual(new Date(2025, 6, 1));
  });

  it('crosses a year end', () => {
    const december = aContract({ maintenanceStart: '2025-01-01', maintenanceEnd: '2025-12-31' });
    expect(contractStatus(december, day(12, 31)).renewalStart).toEqual(new Date(2026, 0, 1));
  });

  it('judges a renewed contract by its new end: active after the old term ended', () => {
    const renewed = aContract({ renewalState: 'renewed', renewedEnd: '2026-06-30' });
    expect(contractStatus(renewed, day(7, 10))).toMatchObject({
      status: 'active',
      isRenewed: true,
      daysLeft: 355,
      effectiveEnd: new Date(2026, 5, 30),
      renewalStart: new Date(2026, 6, 1),
    });
  });

  it('shows a renewed contract as expiring when its new term nears its end', () => {
    const renewed = aContract({ renewalState: 'renewed', renewedEnd: '2026-06-30' });
    expect(contractStatus(renewed, day(6, 1, 2026)).status).toBe('expiring');
  });

  it('reports a contract that is not renewed with its own end', () => {
    expect(contractStatus(aContract({ renewalState: 'quote-requested' }), day(6, 1))).toMatchObject({
      isRenewed: false,
      effectiveEnd: new Date(2025, 5, 30),
    });
  });
});

describe('needsRenewal', () => {
  const contract = aContract();

  it('is false 91 days before the end', () => {
    expect(needsRenewal(contract, day(3, 31))).toBe(false);
  });

  it('is true 90 days before the end', () => {
    expect(needsRenewal(contract, day(4, 1))).toBe(true);
  });

  it('is true once the contract has ended', () => {
    expect(needsRenewal(contract, day(9, 1))).toBe(true);
  });

  it('is false for a contract renewed for a new term', () => {
    expect(needsRenewal(aContract({ renewalState: 'renewed', renewedEnd: '2026-06-30' }), day(6, 1))).toBe(false);
  });
});

describe('graceNoticeDate', () => {
  it('is 9 May 2016 in most regions', () => {
    expect(graceNoticeDate('FR')).toEqual(new Date(2016, 4, 9));
    expect(graceNoticeDate('US')).toEqual(new Date(2016, 4, 9));
  });

  it('is 3 October 2016 in Japan, whatever the case', () => {
    expect(graceNoticeDate('JP')).toEqual(new Date(2016, 9, 3));
    expect(graceNoticeDate(' jp ')).toEqual(new Date(2016, 9, 3));
  });
});
