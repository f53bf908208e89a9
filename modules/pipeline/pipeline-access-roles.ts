import { Construct } from 'constructs';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import type { Naming } from '../../accounts';
import { policyJson, type PolicyStatement } from '../iam/policy-document';

export interface PipelineAccessRolesProps {
  readonly names: Naming;
  /** The account the roles are created in. */
  readonly accountId: string;
  /** Session length of both roles, in seconds (an apply of every stack fits in one hour). @default 3600 */
  readonly maxSessionSeconds?: number;
}

/**
 * The two roles the pipeline reaches every account through (PCI DSS 6.5.1, 7.2.1):
 *
 * - the deploy role (`Naming.deployRoleName`), assumable only by the pipeline's deploy
 *   CodeBuild role. It holds AdministratorAccess: the landing zone creates IAM roles,
 *   KMS keys, Organizations policies, trails and Config everywhere, and a hand-kept
 *   list of the actions behind every module would break with each change. What
 *   bounds it instead: one principal can assume it (a build that runs only terraform
 *   on approved plans, no npm packages), sessions last an hour, the guardrail SCPs
 *   exempt this role name only, and CloudTrail records every call;
 * - the plan role (`Naming.planRoleName`), ReadOnlyAccess, assumable by the plan
 *   CodeBuild role and the OIDC roles of the merge-request CI. In the transversal
 *   account it may also decrypt the state (plans read state without taking the lock).
 *
 * Trust names the transversal account and narrows it with aws:PrincipalArn, so the
 * roles can be created before the pipeline's roles exist (account stacks deploy in
 * parallel with the transversal stack), and a recreated build role keeps working.
 */
export class PipelineAccessRoles extends Construct {
  readonly deployRole: IamRole;
  readonly planRole: IamRole;

  constructor(scope: Construct, id: string, props: PipelineAccessRolesProps) {
    super(scope, id);
    const { names, accountId } = props;
    const transversal = names.account('transversal').id;
    const maxSessionDuration = props.maxSessionSeconds ?? 3600;
    const trust = (sid: string, principalArns: string[]): string =>
      policyJson({
        Sid: sid,
        Effect: 'Allow',
        Principal: { AWS: `arn:${names.partition}:iam::${transversal}:root` },
        Action: 'sts:AssumeRole',
        Condition: { ArnEquals: { 'aws:PrincipalArn': principalArns.length === 1 ? principalArns[0]! : principalArns } },
      });

    this.deployRole = new IamRole(this, 'deploy', {
      name: names.deployRoleName,
      description: 'Applies the approved landing zone plans; assumed only by the pipeline deploy build',
      assumeRolePolicy: trust('PipelineDeployBuildOnly', [names.pipelineBuildRoleArn('deploy')]),
      maxSessionDuration,
    });
    new IamRolePolicyAttachment(this, 'deploy-admin', { role: this.deployRole.name, policyArn: `arn:${names.partition}:iam::aws:policy/AdministratorAccess` });

    this.planRole = new IamRole(this, 'plan', {
      name: names.planRoleName,
      description: 'Read-only role for landing zone plans (pipeline plan build, merge-request CI)',
      assumeRolePolicy: trust('PlanBuildsOnly', planPrincipalArns(names)),
      maxSessionDuration,
    });
    new IamRolePolicyAttachment(this, 'plan-read-only', { role: this.planRole.name, policyArn: `arn:${names.partition}:iam::aws:policy/ReadOnlyAccess` });
    // Merge-request code runs under this role: configuration yes, data no (PCI DSS 7.2.2, 3.4).
    new IamRolePolicy(this, 'plan-no-data', { role: this.planRole.name, name: 'deny-data-reads', policy: policyJson(denyDataReadsStatement(names)) });
    if (accountId === transversal) {
      new IamRolePolicy(this, 'plan-state-read', { role: this.planRole.name, name: 'read-terraform-state', policy: policyJson(...stateReadStatements(names)) });
    }
  }
}

/**
 * ReadOnlyAccess also reads data: objects, table items, log events, queue messages,
 * parameters. Planning needs configuration only, and the plan role is reachable from
 * merge-request code, so the data reads are denied everywhere but on the Terraform
 * state (its bucket and lock table, which the backend reads).
 */
export const DATA_READ_ACTIONS = [
  's3:GetObject',
  's3:GetObjectVersion',
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:GetRecords',
  'logs:GetLogEvents',
  'logs:FilterLogEvents',
  'logs:StartQuery',
  'logs:GetQueryResults',
  'kinesis:GetRecords',
  'sqs:ReceiveMessage',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'secretsmanager:GetSecretValue',
  'athena:GetQueryResults',
] as const;

export function denyDataReadsStatement(names: Naming): PolicyStatement {
  const transversal = names.account('transversal').id;
  const bucket = `arn:${names.partition}:s3:::${names.stateBucket}`;
  return {
    Sid: 'DenyDataReadsButTerraformState',
    Effect: 'Deny',
    Action: [...DATA_READ_ACTIONS],
    NotResource: [bucket, `${bucket}/*`, `arn:${names.partition}:dynamodb:${names.org.homeRegion}:${transversal}:table/${names.lockTable}`],
  };
}

/** Who may assume the plan roles: the plan build, and the OIDC plan role of each configured CI. */
export function planPrincipalArns(names: Naming): string[] {
  const transversal = names.account('transversal').id;
  const ci = names.org.pipeline.ci;
  return [
    names.pipelineBuildRoleArn('plan'),
    ...(ci.github ? [names.roleArn(transversal, names.ciPlanRoleName('github'))] : []),
    ...(ci.gitlab ? [names.roleArn(transversal, names.ciPlanRoleName('gitlab'))] : []),
  ];
}

/** ReadOnlyAccess reads the state objects; decrypting them needs the state key (matched by alias). */
export function stateReadStatements(names: Naming): PolicyStatement[] {
  const transversal = names.account('transversal').id;
  return [
    {
      Sid: 'DecryptTerraformState',
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:DescribeKey'],
      Resource: `arn:${names.partition}:kms:${names.org.homeRegion}:${transversal}:key/*`,
      Condition: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': names.stateKeyAlias } },
    },
  ];
}
