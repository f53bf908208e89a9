import { Construct } from 'constructs';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { IamRolePolicyAttachmentsExclusive } from '@cdktf/provider-aws/lib/iam-role-policy-attachments-exclusive';
import { IamRolePoliciesExclusive } from '@cdktf/provider-aws/lib/iam-role-policies-exclusive';
import { SESSION_DURATION_SECONDS } from '../../accounts/identity';
import type { PolicyStatement } from '../iam/policy-document';
import { terraformPolicyJson } from './policies';

export interface AccessRoleProps {
  /** Role name (from Naming). */
  readonly roleName: string;
  readonly description: string;
  /** Trust policy statements (who may assume the role, under which conditions). */
  readonly trust: readonly PolicyStatement[];
  /** ARNs of the managed policies attached. @default none */
  readonly managedPolicyArns?: readonly string[];
  /** Statements of the role's one inline policy. @default none */
  readonly statements?: readonly PolicyStatement[];
  /** Longest session, in seconds. @default 3600 (one hour) */
  readonly maxSessionSeconds?: number;
}

/**
 * A role assumed by people: trust and permissions exactly as given. The exclusive
 * attachment resources make Terraform remove any policy attached or embedded
 * outside the code, so the role never holds more than its documented level
 * (PCI DSS 7.2.1, 7.2.2).
 */
export class AccessRole extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: AccessRoleProps) {
    super(scope, id);
    const managed = [...new Set(props.managedPolicyArns ?? [])];
    this.role = new IamRole(this, 'role', {
      name: props.roleName,
      description: props.description,
      assumeRolePolicy: terraformPolicyJson(...props.trust),
      maxSessionDuration: props.maxSessionSeconds ?? SESSION_DURATION_SECONDS,
      forceDetachPolicies: true,
    });
    for (const arn of managed) {
      // The policy name is the stable part of its ARN, e.g. "job-function/Billing".
      const key = arn.slice(arn.indexOf(':policy/') + ':policy/'.length).replace(/[^A-Za-z0-9-]/g, '-');
      new IamRolePolicyAttachment(this, `attach-${key}`, { role: this.role.name, policyArn: arn });
    }
    new IamRolePolicyAttachmentsExclusive(this, 'only-these-attachments', { roleName: this.role.name, policyArns: managed });
    const inlineNames: string[] = [];
    if (props.statements && props.statements.length > 0) {
      const inline = new IamRolePolicy(this, 'inline', { name: 'permissions', role: this.role.name, policy: terraformPolicyJson(...props.statements) });
      inlineNames.push(inline.name);
    }
    new IamRolePoliciesExclusive(this, 'only-these-inline-policies', { roleName: this.role.name, policyNames: inlineNames });
  }
}
