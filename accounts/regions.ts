/**
 * Where an account works: the one definition shared by the account stacks (Config recorder,
 * remediation documents, baseline settings per region) and the organization conformance packs
 * (which skip an account in a region it does not work in, because it records nothing there).
 * Keeping it in one place means a pack never targets an account and region without a recorder
 * or without the remediation documents its RemediationConfigurations name.
 */
import type { Account, Organization } from './schema';

/** Regions `account` works in, home region first, without duplicates. */
export function accountRegions(org: Pick<Organization, 'homeRegion'>, account: Pick<Account, 'regions'>): string[] {
  return [...new Set([org.homeRegion, ...(account.regions ?? [])])];
}
