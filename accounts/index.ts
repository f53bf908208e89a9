/**
 * The organization this repository deploys. Replace the example with your own
 * description (see README, "Describe your organization").
 */
import { exampleOrganization } from './example';
import type { OrganizationInput } from './schema';

export const organization: OrganizationInput = exampleOrganization;

export * from './schema';
export * from './validate';
export { Naming } from './naming';
export { accountRegions } from './regions';
