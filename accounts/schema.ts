/**
 * The shape of an organization description, as a zod schema.
 *
 * This is the first validation layer (shape and formats); `validate.ts` adds the
 * second (meaning: duplicates, references, required roles). Defaults are applied
 * here, once, so every consumer reads a fully resolved config.
 */
import { z } from 'zod';
import { exceptionSchema } from './exceptions';
import { guardrailsSchema } from './organization-policies';
import { identitySchema } from './identity';
import { pipelineSchema } from './pipeline';
import { loggingSchema } from './logging';
import { complianceSchema } from './compliance';
import { networkSchema } from './network';
import { securityServicesSchema } from './security-services';

/** Account roles; each stack class builds one role. */
export const ACCOUNT_ROLES = ['management', 'logging', 'auth', 'transversal', 'workload'] as const;
/** Workload environments; dev, staging and prod share one stack class. */
export const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;
/** PCI DSS scope of an account: cardholder data environment, connected-to, or out of scope. */
export const PCI_SCOPES = ['cde', 'connected', 'out-of-scope'] as const;
/** The roles the organization must have exactly one account for. */
export const REQUIRED_ROLES = ['management', 'logging', 'auth', 'transversal'] as const;

/** Name of the organization root, usable as an account's `ou`. */
export const ROOT_OU = 'Root';

const NAME = /^[a-z][a-z0-9-]{1,30}[a-z0-9]$/;
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
// Deliberately simple: local part, one @, a domain with a dot. Catches the usual typos.
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

const accountSchema = z.strictObject({
  /** Account name; also the stack name. Lowercase letters, digits and dashes. */
  name: z.string().regex(NAME, {
    error: 'must be 3-32 lowercase letters, digits or dashes, starting with a letter; fix: rename it, e.g. "payments-prod"',
  }),
  /** The 12-digit AWS account id. Omit it for a workload account the management stack has yet to create. */
  id: z
    .string({ error: 'must be a string of 12 digits; fix: quote the id, e.g. "123456789012"' })
    .regex(/^\d{12}$/, { error: 'must be exactly 12 digits; fix: copy the account id from AWS Organizations' })
    .optional(),
  /** Root user email of the account; unique across AWS. */
  email: z.string().regex(EMAIL, { error: 'is not a valid email address; fix: use e.g. "aws-prod@example.com"' }),
  /** What the account is for; decides the stack class. */
  role: z.enum(ACCOUNT_ROLES, { error: `must be one of ${ACCOUNT_ROLES.join(', ')}` }),
  /** Workload environment; required for (and only for) workload accounts. */
  environment: z.enum(ENVIRONMENTS, { error: `must be one of ${ENVIRONMENTS.join(', ')}` }).optional(),
  /** Organizational unit path, e.g. "Workloads/Prod", or "Root". */
  ou: z.string().min(1),
  /** PCI DSS scope of the account. */
  pciScope: z.enum(PCI_SCOPES, { error: `must be one of ${PCI_SCOPES.join(', ')}` }),
  /** Regions the account works in (its home region is always included). @default [homeRegion] */
  regions: z.array(z.string()).optional(),
  /** Role the account's stack assumes. @default organization.stackRoleName */
  stackRoleName: z.string().regex(ROLE_NAME, { error: 'is not a valid IAM role name' }).optional(),
});

const ouSchema = z.strictObject({
  /** Path from the root, e.g. "Workloads/Prod"; the parent path must be declared too. */
  path: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 _-]*(\/[A-Za-z0-9][A-Za-z0-9 _-]*)*$/, {
    error: 'must be OU names separated by "/", e.g. "Workloads/Prod"',
  }),
});

export const organizationSchema = z.strictObject({
  /** Human-readable organization name (documents, tags). */
  name: z.string().min(1),
  /** Prefix of every physical name (buckets, roles, keys). Short, lowercase. */
  prefix: z.string().regex(/^[a-z][a-z0-9-]{1,14}[a-z0-9]$/, {
    error: 'must be 3-16 lowercase letters, digits or dashes, starting with a letter; fix: e.g. "acme-pci"',
  }),
  /** AWS partition. @default "aws" */
  partition: z.enum(['aws', 'aws-us-gov', 'aws-cn']).default('aws'),
  /** The region that holds state, global-resource recording and the pipeline. */
  homeRegion: z.string().regex(REGION, { error: 'is not an AWS region name; fix: e.g. "eu-west-1"' }),
  /** Regions accounts may use; everything else is denied by SCP. */
  allowedRegions: z.array(z.string().regex(REGION, { error: 'is not an AWS region name' })).min(1),
  /** Role each stack assumes in its account, unless the account names another. @default "OrganizationAccountAccessRole" */
  stackRoleName: z.string().regex(ROLE_NAME).default('OrganizationAccountAccessRole'),
  /** Tags added to every resource, on top of ManagedBy, Environment and PciScope. @default {} */
  tags: z.record(z.string(), z.string()).default({}),
  /** Organizational units; parents must be listed. */
  organizationalUnits: z.array(ouSchema),
  /** Every account of the organization, the management account included. */
  accounts: z.array(accountSchema).min(1),
  /** AWS Organizations id, e.g. "o-a1b2c3d4e5"; access roles then require aws:PrincipalOrgID. @default none (they require aws:PrincipalAccount = auth) */
  organizationId: z.string().regex(/^o-[a-z0-9]{10,32}$/, { error: 'is not an organization id; fix: copy it from AWS Organizations, e.g. "o-a1b2c3d4e5"' }).optional(),
  /** Password policy, access levels, users, break-glass, Identity Center (accounts/identity.ts). @default the PCI defaults */
  identity: identitySchema.prefault({}),
  /** Delegated administrator of the security services and quarantine (accounts/organization-policies.ts). @default {} */
  guardrails: guardrailsSchema.prefault({}),
  /** Deploy pipeline: source repository, approvers, log retention, external CI (accounts/pipeline.ts). @default CodeCommit, branch main */
  pipeline: pipelineSchema.prefault({}),
  /** Conformance pack exclusions and pack size (accounts/compliance.ts). @default no exclusions, 130 rules per pack */
  compliance: complianceSchema.prefault({}),
  /** Log archive retention, trail owner, alarm subscribers, log readers (accounts/logging.ts). @default the PCI defaults */
  logging: loggingSchema.prefault({}),
  /** Accepted deviations, each with justification, owner and expiry (accounts/exceptions.ts). @default [] */
  exceptions: z.array(exceptionSchema).default([]),
  /** Workload VPCs: range, zones, egress allow-list, open ports (accounts/network.ts). @default no VPC */
  network: networkSchema.prefault({}),
  /** GuardDuty, Security Hub, Inspector, Access Analyzer (accounts/security-services.ts). @default all on */
  securityServices: securityServicesSchema.prefault({}),
});

/** An organization as written by a platform team (optional fields may be left out). */
export type OrganizationInput = z.input<typeof organizationSchema>;
/** An organization with every default applied. */
export type Organization = z.output<typeof organizationSchema>;
export type Account = z.output<typeof accountSchema>;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];
export type Environment = (typeof ENVIRONMENTS)[number];
export type PciScope = (typeof PCI_SCOPES)[number];
