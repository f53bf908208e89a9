/**
 * The CI files and build specs the repository ships: generated from code, parsed
 * back here, and checked against package.json and the synthesized stacks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Naming, validateOrganization } from '../../accounts';
import { exampleOrganization } from '../../accounts/example';
import { githubWorkflows, gitlabCi } from '../../modules/pipeline/ci-workflows';
import { stackGraph } from '../../modules/pipeline/stack-graph';
import { exampleCopy, resources, synthOrg } from '../helpers/synth';

const root = join(__dirname, '..', '..');
const scripts: Record<string, string> = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
const { zone, stacks, manifest } = synthOrg();
const names = new Naming(validateOrganization(exampleOrganization));
const graph = stackGraph(zone.all);
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const planYml = parse(read('.github/workflows/plan.yml'));
const handoverYml = parse(read('.github/workflows/handover.yml'));
const gitlab = parse(read('.gitlab-ci.yml'));
const stackNames = Object.keys(manifest.stacks).sort();

/** Every shell line of a parsed CI document (GitHub `run`, GitLab script lists, buildspec commands). */
function shellLines(doc: unknown): string[] {
  const lines: string[] = [];
  const walk = (v: any, key?: string) => {
    if (typeof v === 'string' && ['run', 'script', 'before_script', 'after_script', 'commands'].includes(key ?? '')) lines.push(...v.split('\n'));
    else if (Array.isArray(v)) v.forEach((x) => walk(x, ['script', 'before_script', 'after_script', 'commands'].includes(key ?? '') ? key : undefined));
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => walk(x, k));
  };
  walk(doc);
  return lines;
}
const npmRuns = (doc: unknown) => shellLines(doc).flatMap((l) => [...l.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!));
const bashScripts = (doc: unknown) => shellLines(doc).flatMap((l) => [...l.matchAll(/bash (scripts\/[\w./-]+)/g)].map((m) => m[1]!));
const buildspecs = Object.values(resources(stacks.transversal!, 'aws_codebuild_project')).map((p: any) => parse(p.source.buildspec));

describe('generated CI files', () => {
  test('are up to date with accounts/ and the synthesized stacks (fix: npm run ci:generate)', () => {
    for (const file of [...githubWorkflows(names, graph), gitlabCi(names, graph)]) expect(read(file.path)).toBe(file.content);
  });

  test('without CodeCommit there is no handover job: the connection watches the repository', () => {
    const input: any = exampleCopy();
    input.pipeline = { ...input.pipeline, source: { type: 'codeconnections', connectionArn: 'arn:aws:codeconnections:eu-west-1:444444444444:connection/abc', repositoryId: 'acme/lz' } };
    const other = new Naming(validateOrganization(input));
    expect(githubWorkflows(other, graph).map((f) => f.path)).toEqual(['.github/workflows/plan.yml']);
    expect(parse(gitlabCi(other, graph).content).handover).toBeUndefined();
  });
});

describe('every npm script and script file called exists', () => {
  test.each([
    ['.github/workflows/plan.yml', planYml],
    ['.github/workflows/handover.yml', handoverYml],
    ['.gitlab-ci.yml', gitlab],
    ['the CodeBuild build specs', buildspecs],
  ])('%s', (_name, doc) => {
    for (const script of npmRuns(doc)) expect(Object.keys(scripts)).toContain(script);
    for (const file of bashScripts(doc)) expect(existsSync(join(root, file))).toBe(true);
  });

  test('the build specs plan, summarize and apply through the npm scripts', () => {
    expect(npmRuns(buildspecs).sort()).toEqual(['apply', 'plan', 'plan:summary', 'synth']);
    expect(scripts.plan).toBe('bash scripts/plan-all.sh');
    expect(scripts.apply).toBe('bash scripts/apply-plans.sh');
  });
});

describe('GitHub Actions', () => {
  test('plan.yml runs on pull requests to main with jobs test, plan (matrix of every stack) and comment', () => {
    expect(planYml.on).toEqual({ pull_request: { branches: ['main'] } });
    expect(Object.keys(planYml.jobs)).toEqual(['test', 'plan', 'comment']);
    expect([...planYml.jobs.plan.strategy.matrix.stack].sort()).toEqual(stackNames);
    expect(planYml.jobs.plan.strategy['fail-fast']).toBe(false);
    expect(npmRuns(planYml.jobs.test)).toEqual(['typecheck', 'synth']);
    expect(shellLines(planYml.jobs.test)).toEqual(expect.arrayContaining(['npm ci --no-audit --no-fund', 'npm test']));
    expect(npmRuns(planYml.jobs.plan)).toEqual(['plan']);
    expect(npmRuns(planYml.jobs.comment)).toEqual(['plan:summary']);
    expect(shellLines(planYml.jobs.comment).join('\n')).toContain('gh pr comment');
  });

  test('permissions: none by default, each job only what it needs, nothing writes contents', () => {
    expect(planYml.permissions).toEqual({});
    expect(handoverYml.permissions).toEqual({});
    expect(planYml.jobs.test.permissions).toEqual({ contents: 'read' });
    expect(planYml.jobs.plan.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(planYml.jobs.comment.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(handoverYml.jobs['push-to-codecommit'].permissions).toEqual({ contents: 'read', 'id-token': 'write' });
  });

  test('AWS access through OIDC roles only, never stored keys', () => {
    const credentials = planYml.jobs.plan.steps.find((s: any) => String(s.uses).startsWith('aws-actions/configure-aws-credentials'));
    expect(credentials.with['role-to-assume']).toBe('arn:aws:iam::444444444444:role/acme-pci-ci-plan-github');
    for (const text of [read('.github/workflows/plan.yml'), read('.github/workflows/handover.yml'), read('.gitlab-ci.yml')])
      expect(text).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|secrets\.AWS/i);
  });

  test('handover.yml pushes the merged main branch to the pipeline repository', () => {
    expect(handoverYml.on).toEqual({ push: { branches: ['main'] } });
    expect(shellLines(handoverYml).join('\n')).toContain('git push https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/acme-pci-landing-zone HEAD:refs/heads/main');
  });
});

describe('GitLab CI', () => {
  test('merge requests get test, a parallel plan per stack and the summary; main gets the handover', () => {
    expect(Object.keys(gitlab).filter((k) => gitlab[k]?.stage)).toEqual(['test', 'plan', 'plan-summary', 'handover']);
    expect([...gitlab.plan.parallel.matrix[0].STACK].sort()).toEqual(stackNames);
    for (const job of ['test', 'plan', 'plan-summary']) expect(gitlab[job].rules[0].if).toBe('$CI_PIPELINE_SOURCE == "merge_request_event"');
    expect(gitlab.handover.rules[0].if).toBe('$CI_COMMIT_BRANCH == "main" && $CI_PIPELINE_SOURCE == "push"');
    expect(npmRuns(gitlab.test)).toEqual(['typecheck', 'synth']);
    expect(npmRuns(gitlab.plan)).toEqual(['plan']);
    expect(npmRuns(gitlab['plan-summary'])).toEqual(['plan:summary']);
  });

  test('plans under the OIDC plan role with a short-lived ID token', () => {
    expect(gitlab.plan.id_tokens).toEqual({ AWS_ID_TOKEN: { aud: 'sts.amazonaws.com' } });
    expect(gitlab.plan.variables).toMatchObject({ LZ_ROLE_NAME: 'acme-pci-plan', LZ_WEB_IDENTITY_ROLE_ARN: 'arn:aws:iam::444444444444:role/acme-pci-ci-plan-gitlab' });
  });
});
