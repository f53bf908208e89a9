/**
 * The pipeline's IAM policies as data (static ARNs from the naming module), so the
 * synthesized JSON is the literal policy the tests evaluate. No `*` action anywhere;
 * every resource named (PCI DSS 7.2.1, 7.2.2: least privilege).
 */
import type { Naming } from '../../accounts';
import type { PolicyStatement } from '../iam/policy-document';

type Step = 'synth' | 'plan' | 'summary' | 'deploy';

/** ARNs of the pipeline's resources, all computed from names. */
export class PipelineArns {
  readonly region: string;
  readonly accountId: string;

  constructor(readonly names: Naming) {
    this.region = names.org.homeRegion;
    this.accountId = names.account('transversal').id;
  }

  private arn(service: string, resource: string): string {
    return `arn:${this.names.partition}:${service}:${this.region}:${this.accountId}:${resource}`;
  }

  get bucket(): string {
    return `arn:${this.names.partition}:s3:::${this.names.pipelineArtifactBucket}`;
  }
  get pipeline(): string {
    return this.arn('codepipeline', this.names.pipelineName);
  }
  project(step: Step): string {
    return this.arn('codebuild', `project/${this.names.pipelineProjectName(step)}`);
  }
  logGroup(step: Step): string {
    return this.arn('logs', `log-group:${this.names.pipelineLogGroup(step)}`);
  }
  get topic(): string {
    return this.arn('sns', this.names.approvalTopicName);
  }
  get repository(): string {
    return this.arn('codecommit', this.names.pipelineRepositoryName);
  }
  /** Keys of this account and region (narrowed by alias conditions: key ids are random). */
  get keys(): string {
    return this.arn('kms', 'key/*');
  }
}

/** Use of the pipeline key, by alias: the key id is only known after apply. */
export function pipelineKeyUse(arns: PipelineArns, actions: readonly string[]): PolicyStatement {
  return {
    Sid: 'UsePipelineKey',
    Effect: 'Allow',
    Action: [...actions],
    Resource: arns.keys,
    Condition: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': arns.names.pipelineKeyAlias } },
  };
}

function artifacts(arns: PipelineArns, write: boolean): PolicyStatement[] {
  return [
    {
      Sid: write ? 'ReadWriteArtifacts' : 'ReadArtifacts',
      Effect: 'Allow',
      Action: write ? ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject'] : ['s3:GetObject', 's3:GetObjectVersion'],
      Resource: `${arns.bucket}/*`,
    },
    { Sid: 'LocateArtifactBucket', Effect: 'Allow', Action: ['s3:GetBucketLocation', 's3:GetBucketVersioning'], Resource: arns.bucket },
    pipelineKeyUse(arns, write ? ['kms:Decrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt']),
  ];
}

function logs(arns: PipelineArns, steps: readonly Step[]): PolicyStatement {
  return {
    Sid: 'WriteBuildLogs',
    Effect: 'Allow',
    Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    Resource: steps.map((s) => `${arns.logGroup(s)}:log-stream:*`),
  };
}

/** CodeBuild starts the builds of a batch with the project's own role. */
function batch(arns: PipelineArns, step: Step): PolicyStatement {
  return { Sid: 'RunBatchBuilds', Effect: 'Allow', Action: ['codebuild:StartBuild', 'codebuild:StopBuild', 'codebuild:RetryBuild'], Resource: arns.project(step) };
}

/** Role of CodePipeline: artifacts, the source, the four build projects, the approval topic. */
export function pipelineRoleStatements(arns: PipelineArns): PolicyStatement[] {
  const source = arns.names.org.pipeline.source;
  const steps: Step[] = ['synth', 'plan', 'summary', 'deploy'];
  return [
    ...artifacts(arns, true),
    source.type === 'codecommit'
      ? {
          Sid: 'ReadSource',
          Effect: 'Allow',
          Action: ['codecommit:GetBranch', 'codecommit:GetCommit', 'codecommit:GetRepository', 'codecommit:UploadArchive', 'codecommit:GetUploadArchiveStatus', 'codecommit:CancelUploadArchive'],
          Resource: arns.repository,
        }
      : { Sid: 'UseSourceConnection', Effect: 'Allow', Action: ['codeconnections:UseConnection', 'codestar-connections:UseConnection'], Resource: source.connectionArn },
    {
      Sid: 'RunBuilds',
      Effect: 'Allow',
      Action: ['codebuild:StartBuild', 'codebuild:BatchGetBuilds', 'codebuild:StartBuildBatch', 'codebuild:BatchGetBuildBatches'],
      Resource: steps.map((s) => arns.project(s)),
    },
    { Sid: 'NotifyApprovers', Effect: 'Allow', Action: 'sns:Publish', Resource: arns.topic },
    // The approval topic is encrypted with the pipeline key.
    { ...pipelineKeyUse(arns, ['kms:GenerateDataKey', 'kms:Decrypt']), Sid: 'PublishToEncryptedTopic' },
  ];
}

/** Synth and summary builds: artifacts and logs only; no AWS account access (they run npm packages). */
export function synthRoleStatements(arns: PipelineArns): PolicyStatement[] {
  return [...artifacts(arns, true), logs(arns, ['synth', 'summary'])];
}

/** Plan builds: read the synthesized stacks, write plans, assume the read-only plan role of every account. */
export function planRoleStatements(arns: PipelineArns, accountIds: readonly string[]): PolicyStatement[] {
  return [
    ...artifacts(arns, true),
    logs(arns, ['plan']),
    batch(arns, 'plan'),
    { Sid: 'AssumePlanRoles', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: accountIds.map((id) => arns.names.planRoleArn(id)) },
  ];
}

/** Deploy builds: read the approved plans, assume the deploy role of every account. Nothing else. */
export function deployRoleStatements(arns: PipelineArns, accountIds: readonly string[]): PolicyStatement[] {
  return [
    ...artifacts(arns, false),
    logs(arns, ['deploy']),
    batch(arns, 'deploy'),
    { Sid: 'AssumeDeployRoles', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: accountIds.map((id) => arns.names.deployRoleArn(id)) },
  ];
}

/** EventBridge: start the pipeline on a push to the branch (CodeCommit source). */
export function eventsRoleStatements(arns: PipelineArns): PolicyStatement[] {
  return [{ Sid: 'StartPipeline', Effect: 'Allow', Action: 'codepipeline:StartPipelineExecution', Resource: arns.pipeline }];
}

/** Trust policy letting an AWS service assume a role, for this account's resources only (confused deputy). */
export function serviceTrust(service: string, accountId: string): PolicyStatement {
  return {
    Effect: 'Allow',
    Principal: { Service: service },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
  };
}
