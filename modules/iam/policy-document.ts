/**
 * IAM policy documents as typed data.
 *
 * Policies are built in TypeScript and rendered with JSON.stringify, not through
 * data sources: the synthesized Terraform holds the exact JSON, which the tests
 * read back and evaluate with an IAM policy simulator.
 */

export type Principal =
  | '*'
  | { readonly AWS?: string | readonly string[]; readonly Service?: string | readonly string[]; readonly Federated?: string };

export type Condition = Readonly<Record<string, Readonly<Record<string, string | boolean | number | readonly string[]>>>>;

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: Principal;
  readonly NotPrincipal?: Principal;
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly NotResource?: string | readonly string[];
  readonly Condition?: Condition;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

/** A policy document from statements. */
export function policyDocument(...statements: readonly PolicyStatement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

/** Renders a policy as the JSON string Terraform expects. */
export function policyJson(...statements: readonly PolicyStatement[]): string {
  return JSON.stringify(policyDocument(...statements));
}

/** Principal of a whole account (delegates to that account's IAM policies). */
export function accountPrincipal(partition: string, accountId: string): Principal {
  return { AWS: `arn:${partition}:iam::${accountId}:root` };
}
