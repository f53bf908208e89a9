/**
 * Config of the deploy pipeline (transversal account): where the repository lives,
 * who approves, how long build logs are kept, and which external CI (GitHub
 * Actions, GitLab CI) may plan merge requests through OIDC.
 * The pipeline itself is code (modules/pipeline/); only these choices are data.
 */
import { z } from 'zod';
// Type-only imports: schema.ts imports this file, so a runtime import back would be circular.
import type { Organization } from './schema';
import type { Problem } from './validate';

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;
/** CloudWatch Logs accepts only these retention values (days) of one year or more. */
export const LOG_RETENTION_DAYS = [365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

const codeCommitSource = z.strictObject({
  /** A CodeCommit repository created by the transversal stack (AWS closed CodeCommit to new customers in 2024: new organizations use "codeconnections"). */
  type: z.literal('codecommit'),
  /** Repository name. @default "<prefix>-landing-zone" */
  repositoryName: z.string().regex(/^[\w.-]{1,100}$/, { error: 'is not a CodeCommit repository name; fix: letters, digits, ".", "_" or "-", e.g. "landing-zone"' }).optional(),
});

const connectionSource = z.strictObject({
  /** A GitHub/GitLab/Bitbucket repository reached through an AWS CodeConnections connection, created and authorized in the console. */
  type: z.literal('codeconnections'),
  /** Connection ARN, e.g. "arn:aws:codeconnections:eu-west-1:444444444444:connection/<uuid>". */
  connectionArn: z.string().regex(/^arn:aws[\w-]*:(codeconnections|codestar-connections):[a-z0-9-]+:\d{12}:connection\/[\w-]+$/, {
    error: 'is not a CodeConnections connection ARN; fix: copy it from Developer Tools > Settings > Connections, e.g. "arn:aws:codeconnections:eu-west-1:444444444444:connection/0f6f…"',
  }),
  /** Repository id, "owner/name" (GitHub) or "group/subgroup/name" (GitLab). */
  repositoryId: z.string().regex(/^[\w.-]+(\/[\w.-]+)+$/, { error: 'must be "owner/name", e.g. "acme/landing-zone"' }),
});

export const pipelineSchema = z.strictObject({
  /** Where the pipeline takes the code from. @default { type: "codecommit" } */
  source: z.discriminatedUnion('type', [codeCommitSource, connectionSource], {
    error: 'must be { type: "codecommit" } or { type: "codeconnections", connectionArn, repositoryId }',
  }).default({ type: 'codecommit' }),
  /** Branch the pipeline deploys. @default "main" */
  branch: z.string().regex(/^[\w./-]{1,100}$/, { error: 'is not a branch name; fix: e.g. "main"' }).default('main'),
  /** Emails subscribed to the approval topic (each confirms the subscription once). @default [] */
  approvalEmails: z.array(z.string().regex(EMAIL, { error: 'is not a valid email address; fix: e.g. "platform-team@example.com"' })).default([]),
  /** Retention of the build logs, in days (PCI DSS 10.5.1: at least 12 months). @default 365 */
  logRetentionDays: z.number().int().default(365),
  /** Terraform version installed in the build containers. @default "1.11.4" */
  terraformVersion: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'must be a version like "1.11.4"' }).default('1.11.4'),
  /** External CI allowed to plan merge requests (OIDC, no static keys). @default none */
  ci: z
    .strictObject({
      /** GitHub repository "owner/name" whose pull requests may plan. */
      github: z.strictObject({ repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/, { error: 'must be "owner/name", e.g. "acme/landing-zone"' }) }).optional(),
      /** GitLab project path whose merge requests may plan; `url` for self-managed GitLab. */
      gitlab: z
        .strictObject({
          project: z.string().regex(/^[\w.-]+(\/[\w.-]+)+$/, { error: 'must be "group/name", e.g. "acme/landing-zone"' }),
          /** @default "https://gitlab.com" */
          url: z.string().regex(/^https:\/\/[\w.-]+(:\d+)?$/, { error: 'must be an https URL without a path, e.g. "https://gitlab.example.com"' }).default('https://gitlab.com'),
        })
        .optional(),
    })
    .default({}),
});

export type PipelineConfig = z.output<typeof pipelineSchema>;

/** Semantic checks of the `pipeline` section (registered in validate.ts). */
export function pipelineRules(org: Organization): Problem[] {
  const problems: Problem[] = [];
  const { logRetentionDays, approvalEmails, source } = org.pipeline;
  if (!(LOG_RETENTION_DAYS as readonly number[]).includes(logRetentionDays))
    problems.push({
      path: 'pipeline.logRetentionDays',
      message: `must be a CloudWatch Logs retention of at least one year (PCI DSS 10.5.1); fix: use one of ${LOG_RETENTION_DAYS.join(', ')}`,
      received: logRetentionDays,
    });
  const seen = new Set<string>();
  approvalEmails.forEach((email, i) => {
    if (seen.has(email.toLowerCase())) problems.push({ path: `pipeline.approvalEmails[${i}]`, message: 'is listed twice; fix: remove the duplicate', received: email });
    seen.add(email.toLowerCase());
  });
  if (source.type === 'codeconnections') {
    const region = source.connectionArn.split(':')[3];
    const transversal = org.accounts.find((a) => a.role === 'transversal');
    const account = source.connectionArn.split(':')[4];
    if (transversal?.id !== undefined && account !== transversal.id)
      problems.push({
        path: 'pipeline.source.connectionArn',
        message: `belongs to account ${account}, but the pipeline runs in the transversal account ${transversal.id}; fix: create the connection in the transversal account`,
        received: source.connectionArn,
      });
    if (region !== org.homeRegion)
      problems.push({
        path: 'pipeline.source.connectionArn',
        message: `is in ${region}, but the pipeline runs in the home region ${org.homeRegion}; fix: create the connection in ${org.homeRegion}`,
        received: source.connectionArn,
      });
  }
  return problems;
}
