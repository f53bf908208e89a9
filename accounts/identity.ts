/**
 * Identity and access: the password policy of every account, the access levels
 * (who may do what where), IAM users, break-glass and IAM Identity Center.
 *
 * Shape and IAM limits are checked by the zod schema; the PCI DSS v4.0.1 floors
 * and the cross-references (targets, levels, users) by `identityRules`.
 */
import { z } from 'zod';
// Type-only imports: schema.ts imports this file, so a runtime import back would be circular.
import type { Account, AccountRole, Environment, Organization } from './schema';
import type { Problem } from './validate';

/** Same values as ACCOUNT_ROLES and ENVIRONMENTS in schema.ts (pinned by a test). */
export const TARGET_ROLES: readonly AccountRole[] = ['management', 'logging', 'auth', 'transversal', 'workload'];
export const TARGET_ENVIRONMENTS: readonly Environment[] = ['dev', 'staging', 'prod'];

/** How a level reaches an account: its own permissions, read-only, or not at all. */
export const ACCESS_MODES = ['full', 'read-only', 'none'] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

/** Key of `access` that matches every account. */
export const ALL_ACCOUNTS = '*';

/** Longest session of an access role, in seconds: one hour (IAM's minimum for max_session_duration). */
export const SESSION_DURATION_SECONDS = 3600;

/** PCI DSS v4.0.1 floors for passwords used as an authentication factor. */
export const PCI_PASSWORD = {
  /** 8.3.6: at least 12 characters. */
  minimumLength: 12,
  /** 8.3.7: not one of the last four. */
  reusePrevention: 4,
  /** 8.3.9: changed at least every 90 days (when the password is the only factor). */
  maxAgeDays: 90,
} as const;

const IAM_NAME = /^[\w+=,.@-]{1,64}$/;
// Short enough that "<prefix>-access-<level>" fits IAM's 64 and "<level>-ReadOnly" fits a permission set's 32.
const LEVEL_NAME = /^[A-Za-z][A-Za-z0-9]{1,22}$/;
const ACTION = /^[a-z0-9-]+:[A-Za-z0-9*?]+$|^\*$/;
const MANAGED_POLICY = /^[A-Za-z0-9+=,.@_/-]{1,128}$/;
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

const passwordPolicySchema = z.strictObject({
  /** Minimum length (IAM allows 6-128; PCI DSS 8.3.6 needs 12). @default 14 */
  minimumLength: z.number().int().min(6).max(128).default(14),
  /** @default true */
  requireLowercase: z.boolean().default(true),
  /** @default true */
  requireUppercase: z.boolean().default(true),
  /** @default true */
  requireNumbers: z.boolean().default(true),
  /** @default true */
  requireSymbols: z.boolean().default(true),
  /** Previous passwords that cannot be reused (IAM allows 1-24; PCI DSS 8.3.7 needs 4). @default 24 */
  reusePrevention: z.number().int().min(1).max(24).default(24),
  /** Days before a password expires (IAM allows 1-1095; PCI DSS 8.3.9 needs at most 90). @default 90 */
  maxAgeDays: z.number().int().min(1).max(1095).default(90),
  /** Users may change their own password. @default true */
  allowUsersToChange: z.boolean().default(true),
  /** An expired password needs an administrator to reset it. @default false */
  hardExpiry: z.boolean().default(false),
});

const statementSchema = z.strictObject({
  Sid: z.string().regex(/^[A-Za-z0-9]+$/, { error: 'must be letters and digits only' }).optional(),
  Effect: z.enum(['Allow', 'Deny']),
  Action: z.array(z.string().regex(ACTION, { error: 'is not an IAM action; fix: write "service:Action", e.g. "ce:GetCostAndUsage"' })).min(1),
  Resource: z.array(z.string().min(1)).min(1),
  Condition: z.record(z.string(), z.record(z.string(), z.union([z.string(), z.boolean(), z.number(), z.array(z.string())]))).optional(),
});

const accessLevelSchema = z.strictObject({
  /** Level name; also names the group (auth account), the roles (every reached account) and the permission sets. */
  name: z.string().regex(LEVEL_NAME, { error: 'must be 2-23 letters or digits, starting with a letter; fix: e.g. "Developer"' }),
  /** What the level is for (evidence docs, role descriptions). */
  description: z.string().min(1),
  /** AWS managed policies granted in "full" mode, by name, e.g. "PowerUserAccess", "job-function/Billing". @default [] */
  awsManagedPolicies: z.array(z.string().regex(MANAGED_POLICY, { error: 'is not an AWS managed policy name; fix: e.g. "ReadOnlyAccess"' })).default([]),
  /** Own statements granted in "full" mode. No `*` actions: list them. @default [] */
  statements: z.array(statementSchema).default([]),
  /** AWS managed policies granted in "read-only" mode. @default ["ReadOnlyAccess"] */
  readOnlyPolicies: z.array(z.string().regex(MANAGED_POLICY)).min(1).default(['ReadOnlyAccess']),
  /**
   * Where the level reaches and how. Keys: "*" (every account), an account role, an
   * environment or an account name; the most specific wins (name, environment, role, "*").
   * Accounts not matched get "none".
   */
  access: z.record(z.string(), z.enum(ACCESS_MODES, { error: `must be one of ${ACCESS_MODES.join(', ')}` })),
});

const userSchema = z.strictObject({
  /** IAM user name in the auth account; one person, one user (PCI DSS 8.2.1). */
  name: z.string().regex(IAM_NAME, { error: 'is not a valid IAM user name' }),
  /** Access levels the user holds (group memberships). */
  levels: z.array(z.string()).min(1),
  /** Contact of the person, as a tag. @default none */
  email: z.string().regex(EMAIL, { error: 'is not a valid email address' }).optional(),
});

const breakGlassSchema = z.strictObject({
  /** IAM users (auth account, path /break-glass/) allowed to assume the break-glass role. Hardware MFA expected. @default [] */
  users: z.array(z.string().regex(IAM_NAME, { error: 'is not a valid IAM user name' })).default([]),
  /** Emails notified when the break-glass role is used (SNS subscriptions to confirm). @default [] */
  notificationEmails: z.array(z.string().regex(EMAIL, { error: 'is not a valid email address' })).default([]),
  /** AWS managed policies of the break-glass role. @default ["AdministratorAccess"] */
  awsManagedPolicies: z.array(z.string().regex(MANAGED_POLICY)).min(1).default(['AdministratorAccess']),
});

const rootCredentialsSchema = z.strictObject({
  /** People (names or roles) who hold the root credentials of the accounts; at least two for dual control. @default [] (recorded as missing in the evidence) */
  custodians: z.array(z.string().min(1)).default([]),
  /** Where the root passwords and MFA devices are kept. @default "not recorded" */
  storage: z.string().min(1).default('not recorded'),
});

const identityCenterSchema = z.strictObject({
  /** Create permission sets and account assignments from the access levels. @default false */
  enabled: z.boolean().default(false),
  /** ARN of the Identity Center instance, e.g. "arn:aws:sso:::instance/ssoins-1234567890abcdef". */
  instanceArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:sso:::instance\/(sso)?ins-[a-zA-Z0-9-.]{16}$/, { error: 'is not an Identity Center instance ARN; fix: copy it from IAM Identity Center > Settings' })
    .optional(),
  /** Identity store id, e.g. "d-1234567890". */
  identityStoreId: z.string().regex(/^d-[0-9a-f]{10}$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { error: 'is not an identity store id; fix: e.g. "d-1234567890"' }).optional(),
  /** Identity store group id (provisioned from the IdP) per access level name. @default {} */
  groups: z
    .record(
      z.string(),
      z.string().regex(/^([0-9a-f]{10}-)?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/, {
        error: 'is not an identity store group id; fix: copy the GroupId (a UUID) from IAM Identity Center > Groups',
      }),
    )
    .default({}),
});

/** The levels platform teams commonly document; used when the config names none. */
export const DEFAULT_ACCESS_LEVELS: z.input<typeof accessLevelSchema>[] = [
  {
    name: 'Master',
    description: 'Organization owners: full administration everywhere, including identity and security accounts',
    awsManagedPolicies: ['AdministratorAccess'],
    access: { '*': 'full' },
  },
  {
    name: 'Admin',
    description: 'Platform administrators: full administration of shared services and workloads, read-only on management and security accounts',
    awsManagedPolicies: ['AdministratorAccess'],
    access: { '*': 'full', management: 'read-only', logging: 'read-only', auth: 'read-only' },
  },
  {
    name: 'Developer',
    description: 'Application developers: build in dev, read staging, no access to prod',
    awsManagedPolicies: ['PowerUserAccess'],
    access: { dev: 'full', staging: 'read-only' },
  },
  {
    name: 'SecurityAuditor',
    description: 'Security team and assessors: read configuration and security findings everywhere',
    awsManagedPolicies: ['SecurityAudit', 'ReadOnlyAccess'],
    access: { '*': 'full' },
  },
  {
    name: 'CostManager',
    description: 'Finance: billing, cost and budgets in the management account',
    awsManagedPolicies: ['job-function/Billing'],
    statements: [
      {
        Sid: 'CostExplorerRead',
        Effect: 'Allow',
        Action: ['ce:GetCostAndUsage', 'ce:GetCostForecast', 'ce:GetDimensionValues', 'budgets:ViewBudget'],
        Resource: ['*'],
      },
    ],
    access: { management: 'full' },
  },
];

export const identitySchema = z.strictObject({
  /** IAM account password policy of every account (PCI DSS 8.3.6, 8.3.7, 8.3.9). */
  passwordPolicy: passwordPolicySchema.prefault({}),
  /** Oldest MFA authentication, in seconds, accepted to assume an access role (aws:MultiFactorAuthAge). @default 3600 */
  mfaMaxAgeSeconds: z.number().int().min(60).max(129600).default(3600),
  /** Access levels. @default DEFAULT_ACCESS_LEVELS */
  accessLevels: z.array(accessLevelSchema).min(1).prefault(DEFAULT_ACCESS_LEVELS),
  /** IAM users of the auth account and their levels. Prefer Identity Center for people (see README). @default [] */
  users: z.array(userSchema).default([]),
  /** Emergency access outside the levels. */
  breakGlass: breakGlassSchema.prefault({}),
  /** Who holds the accounts' root credentials and where they are kept (evidence for PCI DSS 8.2.2, 8.6.1). @default none recorded */
  rootCredentials: rootCredentialsSchema.prefault({}),
  /** IAM Identity Center permission sets and assignments from the same levels. */
  identityCenter: identityCenterSchema.prefault({}),
});

/** The PCI defaults of the password policy (14 characters, four classes, 24 remembered, 90 days). */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = passwordPolicySchema.parse({});

export type IdentityInput = z.input<typeof identitySchema>;
export type Identity = z.output<typeof identitySchema>;
export type AccessLevel = z.output<typeof accessLevelSchema>;
export type PasswordPolicy = z.output<typeof passwordPolicySchema>;
export type LevelStatement = z.output<typeof statementSchema>;

/** How `level` reaches `account`: the most specific key of `level.access` wins (name, environment, role, "*"). */
export function accessMode(level: AccessLevel, account: Account): AccessMode {
  for (const key of [account.name, account.environment, account.role, ALL_ACCOUNTS]) {
    if (key !== undefined && level.access[key] !== undefined) return level.access[key];
  }
  return 'none';
}

const at = (path: string) => `identity.${path}`;

function passwordRules(p: PasswordPolicy): Problem[] {
  const problems: Problem[] = [];
  if (p.minimumLength < PCI_PASSWORD.minimumLength)
    problems.push({
      path: at('passwordPolicy.minimumLength'),
      message: `is below PCI DSS 8.3.6 (at least ${PCI_PASSWORD.minimumLength} characters); fix: set 12 or more (default 14)`,
      received: p.minimumLength,
    });
  if (!p.requireLowercase && !p.requireUppercase)
    problems.push({
      path: at('passwordPolicy.requireLowercase'),
      message: 'PCI DSS 8.3.6 needs letters in every password, but neither lowercase nor uppercase is required; fix: set requireLowercase (and requireUppercase) to true',
      received: false,
    });
  if (!p.requireNumbers)
    problems.push({
      path: at('passwordPolicy.requireNumbers'),
      message: 'PCI DSS 8.3.6 needs digits in every password; fix: set requireNumbers to true',
      received: false,
    });
  if (p.reusePrevention < PCI_PASSWORD.reusePrevention)
    problems.push({
      path: at('passwordPolicy.reusePrevention'),
      message: `is below PCI DSS 8.3.7 (none of the last ${PCI_PASSWORD.reusePrevention} passwords reused); fix: set 4 or more (default 24)`,
      received: p.reusePrevention,
    });
  if (p.maxAgeDays > PCI_PASSWORD.maxAgeDays)
    problems.push({
      path: at('passwordPolicy.maxAgeDays'),
      message: `is above PCI DSS 8.3.9 (passwords changed at least every ${PCI_PASSWORD.maxAgeDays} days); fix: set 90 or less`,
      received: p.maxAgeDays,
    });
  return problems;
}

function levelRules(org: Organization): Problem[] {
  const problems: Problem[] = [];
  const validKeys = new Set<string>([ALL_ACCOUNTS, ...TARGET_ROLES, ...TARGET_ENVIRONMENTS, ...org.accounts.map((a) => a.name)]);
  const seen = new Map<string, number>();
  org.identity.accessLevels.forEach((level, i) => {
    const path = at(`accessLevels[${i}]`);
    const first = seen.get(level.name.toLowerCase());
    if (first !== undefined)
      problems.push({ path: `${path}.name`, message: `duplicates identity.accessLevels[${first}].name (IAM names ignore case); fix: rename one level`, received: level.name });
    else seen.set(level.name.toLowerCase(), i);
    if (level.awsManagedPolicies.length === 0 && level.statements.length === 0)
      problems.push({ path, message: `level "${level.name}" grants nothing; fix: add awsManagedPolicies or statements` });
    for (const key of Object.keys(level.access))
      if (!validKeys.has(key))
        problems.push({
          path: `${path}.access`,
          message: `"${key}" is no account, environment or role; fix: use "*", an account role (${TARGET_ROLES.join(', ')}), an environment (${TARGET_ENVIRONMENTS.join(', ')}) or an account name`,
          received: key,
        });
    level.statements.forEach((s, j) =>
      s.Action.forEach((action, k) => {
        if (action === '*' || action.endsWith(':*'))
          problems.push({
            path: `${path}.statements[${j}].Action[${k}]`,
            message: 'wildcard actions are not allowed in own statements (least privilege, PCI DSS 7.2.2); fix: list the actions, or grant an AWS managed policy such as AdministratorAccess',
            received: action,
          });
      }),
    );
  });
  return problems;
}

function userRules(org: Organization): Problem[] {
  const { users, breakGlass, accessLevels } = org.identity;
  const levels = new Set(accessLevels.map((l) => l.name));
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  const claim = (name: string, path: string) => {
    const first = seen.get(name.toLowerCase());
    if (first !== undefined) problems.push({ path, message: `duplicates ${first} (IAM names ignore case); fix: one person, one user (PCI DSS 8.2.1)`, received: name });
    else seen.set(name.toLowerCase(), path);
  };
  users.forEach((user, i) => {
    claim(user.name, at(`users[${i}].name`));
    user.levels.forEach((level, j) => {
      if (!levels.has(level))
        problems.push({
          path: at(`users[${i}].levels[${j}]`),
          message: `user "${user.name}" has an unknown level; fix: use one of ${[...levels].map((l) => `"${l}"`).join(', ')}`,
          received: level,
        });
    });
  });
  breakGlass.users.forEach((name, i) => claim(name, at(`breakGlass.users[${i}]`)));
  return problems;
}

function identityCenterRules(org: Organization): Problem[] {
  const ic = org.identity.identityCenter;
  if (!ic.enabled) return [];
  const problems: Problem[] = [];
  const fix = 'fix: copy it from IAM Identity Center > Settings, or set identityCenter.enabled to false';
  if (!ic.instanceArn) problems.push({ path: at('identityCenter.instanceArn'), message: `is required when Identity Center is enabled; ${fix}` });
  if (!ic.identityStoreId) problems.push({ path: at('identityCenter.identityStoreId'), message: `is required when Identity Center is enabled; ${fix}` });
  const levels = org.identity.accessLevels.map((l) => l.name);
  for (const level of levels)
    if (!ic.groups[level])
      problems.push({
        path: at('identityCenter.groups'),
        message: `no group for level "${level}"; fix: add "${level}": "<identity store group id>" (the group your IdP provisions for it)`,
      });
  for (const key of Object.keys(ic.groups))
    if (!levels.includes(key))
      problems.push({ path: at(`identityCenter.groups.${key}`), message: `"${key}" is no access level; fix: use one of ${levels.join(', ')}`, received: key });
  return problems;
}

/** The semantic rules of the identity section (one entry of the `rules` list in validate.ts). */
export function identityRules(org: Organization): Problem[] {
  return [...passwordRules(org.identity.passwordPolicy), ...levelRules(org), ...userRules(org), ...identityCenterRules(org)];
}
