import { ConfigError, validateOrganization } from '../../accounts';
import { exampleCopy } from '../helpers/synth';

function withPipeline(pipeline: Record<string, unknown> | undefined): any {
  const org: any = exampleCopy();
  if (pipeline === undefined) delete org.pipeline;
  else org.pipeline = pipeline;
  return org;
}

function problemsOf(pipeline: Record<string, unknown>): ConfigError {
  try {
    validateOrganization(withPipeline(pipeline));
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

const connection = 'arn:aws:codeconnections:eu-west-1:444444444444:connection/0f6f1a2b-3c4d-5e6f-7a8b-9c0d1e2f3a4b';

describe('pipeline config', () => {
  test('defaults to a CodeCommit source on main, 365-day logs, no approvers and no external CI', () => {
    expect(validateOrganization(withPipeline(undefined)).pipeline).toEqual({
      source: { type: 'codecommit' },
      branch: 'main',
      approvalEmails: [],
      logRetentionDays: 365,
      terraformVersion: '1.11.4',
      ci: {},
    });
  });

  test('accepts a CodeConnections source in the transversal account and home region', () => {
    const org = validateOrganization(withPipeline({ source: { type: 'codeconnections', connectionArn: connection, repositoryId: 'acme/landing-zone' } }));
    expect(org.pipeline.source).toEqual({ type: 'codeconnections', connectionArn: connection, repositoryId: 'acme/landing-zone' });
  });

  test('defaults the GitLab URL to gitlab.com', () => {
    expect(validateOrganization(withPipeline({ ci: { gitlab: { project: 'acme/lz' } } })).pipeline.ci.gitlab).toEqual({ project: 'acme/lz', url: 'https://gitlab.com' });
  });

  test('fails when the log retention is under a year, naming the accepted values', () => {
    const error = problemsOf({ logRetentionDays: 90 });
    expect(error.problems).toEqual([
      expect.objectContaining({ path: 'pipeline.logRetentionDays', received: 90, message: expect.stringMatching(/at least one year \(PCI DSS 10.5.1\); fix: use one of 365, 400/) }),
    ]);
  });

  test('fails when the retention is not a CloudWatch Logs value', () => {
    expect(problemsOf({ logRetentionDays: 500 }).problems[0]).toMatchObject({ path: 'pipeline.logRetentionDays', received: 500 });
  });

  test('fails when the connection belongs to another account or region', () => {
    const arn = 'arn:aws:codeconnections:us-east-1:999999999999:connection/abc';
    const messages = problemsOf({ source: { type: 'codeconnections', connectionArn: arn, repositoryId: 'acme/lz' } }).problems.map((p) => p.message);
    expect(messages).toEqual([
      expect.stringContaining('belongs to account 999999999999, but the pipeline runs in the transversal account 444444444444; fix: create the connection in the transversal account'),
      expect.stringContaining('is in us-east-1, but the pipeline runs in the home region eu-west-1; fix: create the connection in eu-west-1'),
    ]);
  });

  test('fails on a malformed connection ARN with where to find the right one', () => {
    const problem = problemsOf({ source: { type: 'codeconnections', connectionArn: 'not-an-arn', repositoryId: 'acme/lz' } }).problems[0];
    expect(problem).toMatchObject({ path: 'pipeline.source.connectionArn', received: 'not-an-arn' });
    expect(problem?.message).toMatch(/fix: copy it from Developer Tools > Settings > Connections/);
  });

  test('fails on an unknown source type', () => {
    const problem = problemsOf({ source: { type: 'github' } }).problems[0];
    expect(problem?.path).toBe('pipeline.source.type');
  });

  test('fails on a bad approver email and a duplicate', () => {
    const problems = problemsOf({ approvalEmails: ['ops@example.com', 'nope'] }).problems;
    expect(problems[0]).toMatchObject({ path: 'pipeline.approvalEmails[1]', received: 'nope', message: expect.stringContaining('fix:') });
    const duplicate = problemsOf({ approvalEmails: ['ops@example.com', 'OPS@example.com'] }).problems;
    expect(duplicate).toEqual([{ path: 'pipeline.approvalEmails[1]', message: 'is listed twice; fix: remove the duplicate', received: 'OPS@example.com' }]);
  });

  test('fails on a GitHub repository that is not owner/name', () => {
    expect(problemsOf({ ci: { github: { repository: 'just-a-name' } } }).problems[0]).toMatchObject({ path: 'pipeline.ci.github.repository', received: 'just-a-name' });
  });
});
