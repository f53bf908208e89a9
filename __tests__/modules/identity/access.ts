/**
 * Shared by the identity tests: requests as the simulator sees them, for users of
 * the example organization's auth account.
 */
import { parsePolicy, resources, type StackJson } from '../../helpers/synth';

export const AUTH = '333333333333';
export const ORG_ID = 'o-a1b2c3d4e5';

/** A synthesized policy with Terraform's `$${` escapes turned back into IAM policy variables. */
export function iamPolicy(json: string): { Version: string; Statement: any[] } {
  return parsePolicy(json.replace(/\$\$\{/g, '${'));
}

/** The resource of `type` whose construct path ends with `pathSuffix`. */
export function byPath(stack: StackJson, type: string, pathSuffix: string): any {
  const found = Object.values(resources(stack, type)).filter((r: any) => r['//']?.metadata?.path?.endsWith(pathSuffix));
  if (found.length !== 1) throw new Error(`expected one ${type} at */${pathSuffix}, found ${found.length}`);
  return found[0];
}

export interface Caller {
  readonly user: string;
  /** IAM path of the user. @default "/" */
  readonly path?: string;
  readonly account?: string;
  readonly orgId?: string;
  /** MFA authentication age in seconds; undefined = no MFA. */
  readonly mfaAgeSeconds?: number;
  /** Session name asked for in AssumeRole. @default the user name */
  readonly sessionName?: string;
}

/** Principal ARN and request context of an IAM user calling. */
export function caller(c: Caller): { principal: string; context: Record<string, string> } {
  const account = c.account ?? AUTH;
  const principal = `arn:aws:iam::${account}:user${c.path ?? '/'}${c.user}`;
  const mfa = c.mfaAgeSeconds !== undefined;
  return {
    principal,
    context: {
      'aws:PrincipalArn': principal,
      'aws:PrincipalAccount': account,
      'aws:PrincipalOrgID': c.orgId ?? ORG_ID,
      'aws:PrincipalType': 'User',
      'aws:username': c.user,
      'aws:MultiFactorAuthPresent': mfa ? 'true' : 'false',
      ...(mfa ? { 'aws:MultiFactorAuthAge': String(c.mfaAgeSeconds) } : {}),
      'sts:RoleSessionName': c.sessionName ?? c.user,
    },
  };
}
