import { Construct } from 'constructs';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CodebuildProject } from '@cdktf/provider-aws/lib/codebuild-project';
import { CodecommitRepository } from '@cdktf/provider-aws/lib/codecommit-repository';
import { Codepipeline, type CodepipelineStageAction } from '@cdktf/provider-aws/lib/codepipeline';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import type { Naming } from '../../accounts';
import { policyJson, type PolicyStatement } from '../iam/policy-document';
import { KEY_DATA_ACTIONS, SecureKmsKey } from '../security/kms-key';
import { SecureBucket } from '../storage/secure-bucket';
import { renderBuildspec, summaryBuildspec, synthBuildspec } from './buildspec';
import {
  PipelineArns,
  deployRoleStatements,
  eventsRoleStatements,
  pipelineRoleStatements,
  planRoleStatements,
  serviceTrust,
  synthRoleStatements,
} from './policies';

export interface DeployPipelineProps {
  readonly names: Naming;
  /** Accounts of the stacks: the plan and deploy builds may assume their plan and deploy roles. */
  readonly accountIds: readonly string[];
  /** Build spec (YAML) of the plan batch: one build per stack, from the synthesized stack list. */
  readonly planBuildspec: string;
  /** Build spec (YAML) of the deploy batch: a build graph following the stack dependencies. */
  readonly deployBuildspec: string;
  /** CodeBuild image. @default "aws/codebuild/standard:7.0" (Ubuntu 22.04, Node.js 20) */
  readonly buildImage?: string;
  /** CodeBuild compute type. @default "BUILD_GENERAL1_MEDIUM" (synth and tests need the memory) */
  readonly computeType?: string;
  /** Timeout of one build, in minutes. @default 60 */
  readonly buildTimeoutMinutes?: number;
  /**
   * Timeout of a whole batch (every stack's build), in minutes: the apply graph runs its
   * waves one after the other, and a batch stopped mid-apply leaves state locks behind.
   * @default 480 (CodeBuild's maximum)
   */
  readonly batchTimeoutMinutes?: number;
}

type Step = 'synth' | 'plan' | 'summary' | 'deploy';

/**
 * The deploy pipeline of the landing zone (CodePipeline V2, transversal account):
 *
 *   Source -> Plan [Synth (npm ci, npm test, synth) -> Plan (batch: a plan per stack,
 *   in parallel, read-only plan role) -> Summary] -> Approve (manual, SNS, link to the
 *   summary) -> Deploy (batch graph: the approved plans, in dependency order, deploy role)
 *
 * PCI DSS 6.5.1-6.5.2 (changes reviewed and approved before production), 6.2.3
 * (review before release), 10.2.1 (build logs kept), 3.5.1 (KMS everywhere).
 * Builds are not privileged, carry no credentials in environment variables (their
 * role's container credentials only), and log to KMS-encrypted log groups kept at
 * least a year. The npm packages run only in the Synth step, whose role reaches no
 * account; the builds that assume roles run terraform and bash only.
 */
export class DeployPipeline extends Construct {
  readonly key: SecureKmsKey;
  readonly artifacts: SecureBucket;
  readonly topic: SnsTopic;
  readonly repository?: CodecommitRepository;
  readonly projects: Record<Step, CodebuildProject>;
  readonly roles: Record<'pipeline' | 'synth' | 'plan' | 'deploy', IamRole>;
  readonly pipeline: Codepipeline;

  constructor(scope: Construct, id: string, props: DeployPipelineProps) {
    super(scope, id);
    const { names } = props;
    const config = names.org.pipeline;
    const arns = new PipelineArns(names);
    const { region, accountId } = arns;

    this.key = new SecureKmsKey(this, 'key', {
      alias: names.pipelineKeyAlias,
      description: 'Encrypts the landing zone pipeline: artifacts, saved plans, build logs, approval topic, repository',
      accountId,
      partition: names.partition,
      statements: [
        {
          Sid: 'CloudWatchLogsForPipelineLogGroups',
          Effect: 'Allow',
          Principal: { Service: `logs.${region}.amazonaws.com` },
          Action: [...KEY_DATA_ACTIONS],
          Resource: '*',
          Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${names.partition}:logs:${region}:${accountId}:log-group:/aws/codebuild/${names.prefix}-*` } },
        },
      ],
    });

    // Saved plans and summaries are the record of what was approved: kept as long as the logs.
    this.artifacts = new SecureBucket(this, 'artifacts', {
      bucketName: names.pipelineArtifactBucket,
      kmsKeyArn: this.key.arn,
      partition: names.partition,
      lifecycle: { retentionDays: config.logRetentionDays },
    });

    this.topic = new SnsTopic(this, 'approval-topic', {
      name: names.approvalTopicName,
      displayName: 'Landing zone plan waiting for approval',
      kmsMasterKeyId: this.key.arn,
    });
    config.approvalEmails.forEach((email, i) => new SnsTopicSubscription(this, `approver-${i}`, { topicArn: this.topic.arn, protocol: 'email', endpoint: email }));

    if (config.source.type === 'codecommit') {
      this.repository = new CodecommitRepository(this, 'repository', {
        repositoryName: names.pipelineRepositoryName,
        description: 'The landing zone: every change reaches AWS through this repository and the pipeline',
        defaultBranch: config.branch,
        kmsKeyId: this.key.arn,
        lifecycle: { preventDestroy: true },
      });
    }

    const role = (key: string, name: string, service: string, statements: PolicyStatement[], description: string): IamRole => {
      const r = new IamRole(this, `${key}-role`, { name, description, assumeRolePolicy: policyJson(serviceTrust(service, accountId)), maxSessionDuration: 3600 });
      new IamRolePolicy(this, `${key}-policy`, { role: r.name, name: 'least-privilege', policy: policyJson(...statements) });
      return r;
    };
    const build = (step: 'synth' | 'plan' | 'deploy', statements: PolicyStatement[], description: string) =>
      role(step, names.pipelineBuildRoleName(step), 'codebuild.amazonaws.com', statements, description);
    this.roles = {
      pipeline: role('pipeline', names.pipelineRoleName, 'codepipeline.amazonaws.com', pipelineRoleStatements(arns), 'CodePipeline: artifacts, source, builds, approval topic'),
      synth: build('synth', synthRoleStatements(arns), 'Synth and summary builds: artifacts and logs only, no account access'),
      plan: build('plan', planRoleStatements(arns, props.accountIds), 'Plan builds: may assume the read-only plan role of every account'),
      deploy: build('deploy', deployRoleStatements(arns, props.accountIds), 'Deploy builds: may assume the deploy role of every account'),
    };

    const logGroup = (step: Step) =>
      new CloudwatchLogGroup(this, `${step}-logs`, {
        name: names.pipelineLogGroup(step),
        retentionInDays: config.logRetentionDays,
        kmsKeyId: this.key.arn,
        lifecycle: { preventDestroy: true },
      });
    const project = (step: Step, buildRole: IamRole, buildspec: string, description: string, batch: boolean): CodebuildProject => {
      const logs = logGroup(step);
      return new CodebuildProject(this, `${step}-project`, {
        name: names.pipelineProjectName(step),
        description,
        serviceRole: buildRole.arn,
        encryptionKey: this.key.arn,
        buildTimeout: props.buildTimeoutMinutes ?? 60,
        source: { type: 'CODEPIPELINE', buildspec },
        artifacts: { type: 'CODEPIPELINE' },
        environment: {
          type: 'LINUX_CONTAINER',
          computeType: props.computeType ?? 'BUILD_GENERAL1_MEDIUM',
          image: props.buildImage ?? 'aws/codebuild/standard:7.0',
          imagePullCredentialsType: 'CODEBUILD',
          // No Docker daemon: nothing here builds images (PCI DSS 2.2.4: only needed functions).
          privilegedMode: false,
        },
        logsConfig: { cloudwatchLogs: { status: 'ENABLED', groupName: logs.name }, s3Logs: { status: 'DISABLED' } },
        buildBatchConfig: batch
          ? {
              serviceRole: buildRole.arn,
              combineArtifacts: true,
              timeoutInMins: props.batchTimeoutMinutes ?? 480,
              restrictions: { maximumBuildsAllowed: 100, computeTypesAllowed: [props.computeType ?? 'BUILD_GENERAL1_MEDIUM'] },
            }
          : undefined,
        dependsOn: [logs],
      });
    };
    this.projects = {
      synth: project('synth', this.roles.synth, renderBuildspec(synthBuildspec(config.terraformVersion)), 'npm ci, npm test, synth', false),
      plan: project('plan', this.roles.plan, props.planBuildspec, 'terraform plan -out of every stack, in parallel (read-only plan role)', true),
      summary: project('summary', this.roles.synth, renderBuildspec(summaryBuildspec({ bucket: names.pipelineArtifactBucket, region })), 'Readable summary of the saved plans, linked from the approval', false),
      deploy: project('deploy', this.roles.deploy, props.deployBuildspec, 'terraform apply of the approved saved plans, in dependency order (deploy role)', true),
    };

    const codebuild = (name: string, step: Step, inputs: string[], runOrder: number, extra: Partial<CodepipelineStageAction> = {}, configuration: Record<string, string> = {}): CodepipelineStageAction => ({
      name,
      category: 'Build',
      owner: 'AWS',
      provider: 'CodeBuild',
      version: '1',
      runOrder,
      inputArtifacts: inputs,
      configuration: { ProjectName: names.pipelineProjectName(step), PrimarySource: inputs[0]!, ...configuration },
      ...extra,
    });
    const source = config.source;
    const sourceAction: CodepipelineStageAction =
      source.type === 'codecommit'
        ? {
            name: 'Source',
            category: 'Source',
            owner: 'AWS',
            provider: 'CodeCommit',
            version: '1',
            outputArtifacts: ['source'],
            // EventBridge starts the pipeline (rule below), not polling.
            configuration: { RepositoryName: names.pipelineRepositoryName, BranchName: config.branch, PollForSourceChanges: 'false', OutputArtifactFormat: 'CODE_ZIP' },
          }
        : {
            name: 'Source',
            category: 'Source',
            owner: 'AWS',
            provider: 'CodeStarSourceConnection',
            version: '1',
            outputArtifacts: ['source'],
            configuration: { ConnectionArn: source.connectionArn, FullRepositoryId: source.repositoryId, BranchName: config.branch, OutputArtifactFormat: 'CODE_ZIP' },
          };

    this.pipeline = new Codepipeline(this, 'pipeline', {
      name: names.pipelineName,
      pipelineType: 'V2',
      // A newer commit replaces an execution waiting for approval: reviewers only approve the latest plan.
      executionMode: 'SUPERSEDED',
      roleArn: this.roles.pipeline.arn,
      artifactStore: [{ type: 'S3', location: names.pipelineArtifactBucket, encryptionKey: { type: 'KMS', id: this.key.arn } }],
      trigger:
        source.type === 'codeconnections'
          ? [{ providerType: 'CodeStarSourceConnection', gitConfiguration: { sourceActionName: 'Source', push: [{ branches: { includes: [config.branch] } }] } }]
          : undefined,
      stage: [
        { name: 'Source', action: [sourceAction] },
        {
          name: 'Plan',
          action: [
            codebuild('Synth', 'synth', ['source'], 1, { outputArtifacts: ['synth'] }),
            // The reviewed source is the primary input of every build that assumes roles: the scripts it runs
            // come from the repository, never from the Synth build, where npm packages run.
            codebuild('Plan', 'plan', ['source', 'synth'], 2, { outputArtifacts: ['plans'] }, { BatchEnabled: 'true', CombineArtifacts: 'true' }),
            codebuild('Summary', 'summary', ['source', 'synth', 'plans'], 3, { namespace: 'PlanSummary' }, {
              EnvironmentVariables: JSON.stringify([{ name: 'PIPELINE_EXECUTION_ID', value: '#{codepipeline.PipelineExecutionId}', type: 'PLAINTEXT' }]),
            }),
          ],
        },
        {
          name: 'Approve',
          action: [
            {
              name: 'ReviewPlan',
              category: 'Approval',
              owner: 'AWS',
              provider: 'Manual',
              version: '1',
              configuration: {
                NotificationArn: arns.topic,
                CustomData: 'Landing zone plan #{codepipeline.PipelineExecutionId}: #{PlanSummary.TOTALS}. Read the summary (link) before approving; only these saved plans are applied.',
                ExternalEntityLink: '#{PlanSummary.SUMMARY_URL}',
              },
            },
          ],
        },
        {
          name: 'Deploy',
          action: [codebuild('Apply', 'deploy', ['source', 'synth', 'plans'], 1, {}, { BatchEnabled: 'true', CombineArtifacts: 'false' })],
        },
      ],
      dependsOn: [this.artifacts.policy],
    });

    if (source.type === 'codecommit') {
      const eventsRole = role('events', names.pipelineEventsRoleName, 'events.amazonaws.com', eventsRoleStatements(arns), 'EventBridge: starts the pipeline on a push to the deployed branch');
      const rule = new CloudwatchEventRule(this, 'on-push', {
        name: `${names.pipelineName}-on-push`,
        description: `Starts ${names.pipelineName} on a push to ${config.branch}`,
        eventPattern: JSON.stringify({
          source: ['aws.codecommit'],
          'detail-type': ['CodeCommit Repository State Change'],
          resources: [arns.repository],
          detail: { event: ['referenceCreated', 'referenceUpdated'], referenceType: ['branch'], referenceName: [config.branch] },
        }),
      });
      new CloudwatchEventTarget(this, 'start-pipeline', { rule: rule.name, arn: arns.pipeline, roleArn: eventsRole.arn });
    }
  }
}
