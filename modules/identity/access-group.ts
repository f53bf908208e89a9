import { Construct } from 'constructs';
import { IamGroup } from '@cdktf/provider-aws/lib/iam-group';
import { IamGroupPolicy } from '@cdktf/provider-aws/lib/iam-group-policy';
import { IamGroupPolicyAttachment } from '@cdktf/provider-aws/lib/iam-group-policy-attachment';
import { IamGroupPolicyAttachmentsExclusive } from '@cdktf/provider-aws/lib/iam-group-policy-attachments-exclusive';
import { IamGroupPoliciesExclusive } from '@cdktf/provider-aws/lib/iam-group-policies-exclusive';
import { policyJson } from '../iam/policy-document';
import { assumeStatements } from './policies';

export interface AccessGroupProps {
  /** Group name (from Naming). */
  readonly groupName: string;
  /** Roles (static ARNs in the target accounts) the members may assume, with MFA. @default none */
  readonly assumableRoleArns?: readonly string[];
  /** ARN of the MFA enforcement policy, attached to every group. */
  readonly mfaPolicyArn: string;
}

/**
 * A group of the auth account: its members may assume exactly the listed roles,
 * and nothing at all until they sign in with MFA. Exclusive resources remove any
 * policy added outside the code (PCI DSS 7.2.1).
 */
export class AccessGroup extends Construct {
  readonly group: IamGroup;

  constructor(scope: Construct, id: string, props: AccessGroupProps) {
    super(scope, id);
    this.group = new IamGroup(this, 'group', { name: props.groupName });
    const assume = assumeStatements('AssumeLevelRoles', props.assumableRoleArns ?? []);
    const inlineNames: string[] = [];
    if (assume.length > 0) {
      const inline = new IamGroupPolicy(this, 'assume-roles', { name: 'assume-roles', group: this.group.name, policy: policyJson(...assume) });
      inlineNames.push(inline.name);
    }
    new IamGroupPoliciesExclusive(this, 'only-these-inline-policies', { groupName: this.group.name, policyNames: inlineNames });
    new IamGroupPolicyAttachment(this, 'require-mfa', { group: this.group.name, policyArn: props.mfaPolicyArn });
    new IamGroupPolicyAttachmentsExclusive(this, 'only-these-attachments', { groupName: this.group.name, policyArns: [props.mfaPolicyArn] });
  }
}
