import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { OrganizationsPolicy } from '@cdktf/provider-aws/lib/organizations-policy';
import { OrganizationsPolicyAttachment } from '@cdktf/provider-aws/lib/organizations-policy-attachment';
import { renderScp, targetLabel, type ScpTarget, type ServiceControlPolicy } from './guardrails';
import { assertScpLimits } from './scp-limits';

export interface ServiceControlPoliciesProps {
  /** The policies and their targets (see guardrails.ts). */
  readonly policies: readonly ServiceControlPolicy[];
  /** The id of a target (root id, OU id or account id), usually a Terraform reference. */
  readonly resolveTarget: (target: ScpTarget) => string;
  /** What must exist first: the organization with the SCP policy type enabled. @default none */
  readonly dependsOn?: ITerraformDependable[];
}

/** Construct-id-safe form of a target label: "ou:Workloads/Prod" -> "ou-workloads-prod". */
function targetId(target: ScpTarget): string {
  return targetLabel(target).toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/**
 * Service control policies (aws_organizations_policy) and their attachments
 * (aws_organizations_policy_attachment). Before creating anything it checks the
 * AWS quotas (5,120 characters per policy, 5 SCPs per target counting
 * FullAWSAccess) and throws an ScpLimitError listing every breach.
 */
export class ServiceControlPolicies extends Construct {
  /** Policy resources by key. */
  readonly policies = new Map<string, OrganizationsPolicy>();

  constructor(scope: Construct, id: string, props: ServiceControlPoliciesProps) {
    super(scope, id);
    const rendered = props.policies.map((policy) => ({ policy, content: renderScp(policy) }));

    const attachments = new Map<string, string[]>();
    for (const { policy } of rendered)
      for (const target of policy.targets) attachments.set(targetLabel(target), [...(attachments.get(targetLabel(target)) ?? []), policy.name]);
    assertScpLimits(
      rendered.map(({ policy, content }) => ({ name: policy.name, content })),
      attachments,
    );

    for (const { policy, content } of rendered) {
      const resource = new OrganizationsPolicy(this, `scp-${policy.key}`, {
        name: policy.name,
        description: policy.description,
        type: 'SERVICE_CONTROL_POLICY',
        content,
        dependsOn: props.dependsOn,
      });
      this.policies.set(policy.key, resource);
      for (const target of policy.targets) {
        new OrganizationsPolicyAttachment(this, `attach-${policy.key}-${targetId(target)}`, {
          policyId: resource.id,
          targetId: props.resolveTarget(target),
        });
      }
    }
  }
}
