import { Construct } from 'constructs';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import type { Naming } from '../../accounts';
import { policyJson, type PolicyStatement } from '../iam/policy-document';

export type CiProvider = 'github' | 'gitlab';

export interface CiOidcRolesProps {
  readonly names: Naming;
  /** Accounts whose plan roles merge-request plans reach. */
  readonly accountIds: readonly string[];
  /** Session length, in seconds. @default 3600 */
  readonly maxSessionSeconds?: number;
}

/** Issuer host and token subjects of a CI, from the config. */
export function ciIdentity(names: Naming, ci: CiProvider): { host: string; url: string; planSubject: string; mirrorSubject: string } | undefined {
  const { github, gitlab } = names.org.pipeline.ci;
  const branch = names.org.pipeline.branch;
  if (ci === 'github' && github) {
    return {
      host: 'token.actions.githubusercontent.com',
      url: 'https://token.actions.githubusercontent.com',
      // Pull request workflows only: a push to any branch does not get the plan role.
      planSubject: `repo:${github.repository}:pull_request`,
      mirrorSubject: `repo:${github.repository}:ref:refs/heads/${branch}`,
    };
  }
  if (ci === 'gitlab' && gitlab) {
    const host = gitlab.url.replace(/^https:\/\//, '');
    return {
      host,
      url: gitlab.url,
      // GitLab tokens name the branch, not the merge request: any branch pipeline of the project may plan (read-only).
      planSubject: `project_path:${gitlab.project}:ref_type:branch:ref:*`,
      mirrorSubject: `project_path:${gitlab.project}:ref_type:branch:ref:${branch}`,
    };
  }
  return undefined;
}

/** Trust of a CI role: web identity from the CI's issuer, audience STS, one subject pattern. */
export function ciTrust(names: Naming, ci: CiProvider, subject: string): PolicyStatement {
  const id = ciIdentity(names, ci)!;
  const transversal = names.account('transversal').id;
  return {
    Effect: 'Allow',
    Principal: { Federated: `arn:${names.partition}:iam::${transversal}:oidc-provider/${id.host}` },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { [`${id.host}:aud`]: 'sts.amazonaws.com' },
      StringLike: { [`${id.host}:sub`]: subject },
    },
  };
}

/**
 * Lets GitHub Actions and GitLab CI plan merge requests without stored AWS keys
 * (PCI DSS 8.6.2: no credentials in scripts or CI variables): an OIDC provider per
 * configured CI, a role its merge-request jobs assume, allowed only to assume the
 * read-only plan roles; and, when the pipeline's source is CodeCommit, a role the
 * main branch job assumes to push the merged commit there.
 */
export class CiOidcRoles extends Construct {
  readonly planRoles: Partial<Record<CiProvider, IamRole>> = {};
  readonly mirrorRoles: Partial<Record<CiProvider, IamRole>> = {};

  constructor(scope: Construct, id: string, props: CiOidcRolesProps) {
    super(scope, id);
    const { names } = props;
    const maxSessionDuration = props.maxSessionSeconds ?? 3600;
    const region = names.org.homeRegion;
    const transversal = names.account('transversal').id;
    for (const ci of ['github', 'gitlab'] as const) {
      const identity = ciIdentity(names, ci);
      if (!identity) continue;
      // AWS trusts these issuers through its own root CAs: no thumbprint to pin.
      new IamOpenidConnectProvider(this, `${ci}-oidc`, { url: identity.url, clientIdList: ['sts.amazonaws.com'] });
      const plan = new IamRole(this, `${ci}-plan`, {
        name: names.ciPlanRoleName(ci),
        description: `Merge-request plans from ${ci}: may only assume the read-only plan roles`,
        assumeRolePolicy: policyJson(ciTrust(names, ci, identity.planSubject)),
        maxSessionDuration,
      });
      new IamRolePolicy(this, `${ci}-plan-policy`, {
        role: plan.name,
        name: 'assume-plan-roles',
        policy: policyJson({ Sid: 'AssumePlanRoles', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: props.accountIds.map((a) => names.planRoleArn(a)) }),
      });
      this.planRoles[ci] = plan;
      if (names.org.pipeline.source.type === 'codecommit') {
        const mirror = new IamRole(this, `${ci}-mirror`, {
          name: names.ciMirrorRoleName(ci),
          description: `Pushes the merged ${names.org.pipeline.branch} branch from ${ci} to the pipeline's CodeCommit repository`,
          assumeRolePolicy: policyJson(ciTrust(names, ci, identity.mirrorSubject)),
          maxSessionDuration,
        });
        new IamRolePolicy(this, `${ci}-mirror-policy`, {
          role: mirror.name,
          name: 'push-to-codecommit',
          policy: policyJson(
            {
              Sid: 'PushToPipelineRepository',
              Effect: 'Allow',
              Action: ['codecommit:GitPull', 'codecommit:GitPush'],
              Resource: `arn:${names.partition}:codecommit:${region}:${transversal}:${names.pipelineRepositoryName}`,
            },
            {
              // The repository is encrypted with the pipeline key (matched by alias: key ids are random).
              Sid: 'UseRepositoryKey',
              Effect: 'Allow',
              Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
              Resource: `arn:${names.partition}:kms:${region}:${transversal}:key/*`,
              Condition: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': names.pipelineKeyAlias } },
            },
          ),
        });
        this.mirrorRoles[ci] = mirror;
      }
    }
  }
}
