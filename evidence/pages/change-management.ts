import { deployWaves, stackGraph } from '../../modules/pipeline/stack-graph';
import { label, mermaid, table } from '../markdown';
import type { PageGenerator } from '../page';

/** How a change reaches AWS: the GitOps flow, its approvals and who may deploy. */
export const changeManagementPage: PageGenerator = ({ org, names, zone }) => {
  const { pipeline } = org;
  const transversal = names.account('transversal');
  const ci = [pipeline.ci?.github && `GitHub \`${pipeline.ci.github.repository}\``, pipeline.ci?.gitlab && `GitLab \`${pipeline.ci.gitlab.project}\``].filter(Boolean);
  const source =
    pipeline.source.type === 'codecommit'
      ? `CodeCommit repository in the transversal account, fed by the CI handover job on merge to \`${pipeline.branch}\``
      : `CodeConnections \`${pipeline.source.repositoryId}\`, branch \`${pipeline.branch}\``;
  const waves = deployWaves(stackGraph(zone.all));

  const flow = [
    'flowchart LR',
    `  branch[${label('branch: change to accounts/ or code')}] --> mr[${label('merge request')}]`,
    `  mr --> ci[${label('CI: tests, synth, plan every stack (read-only plan role)')}]`,
    `  ci --> comment[${label('plan summary posted on the merge request')}]`,
    `  comment --> review{${label('peer review')}}`,
    `  review -- approved --> merge[${label(`merge to ${pipeline.branch}`)}]`,
    `  review -- changes requested --> branch`,
    `  merge --> plan[${label('pipeline: tests, synth, saved plan per stack')}]`,
    `  plan --> approval{${label('manual approval of the saved plans')}}`,
    `  approval -- approved --> deploy[${label('apply exactly the saved plans (deploy role)')}]`,
    `  approval -- rejected --> stop[${label('nothing applied')}]`,
  ];

  return {
    path: 'change-management.md',
    title: 'Change management',
    answers: 'How are changes to the platform reviewed, approved, applied and traced? (PCI DSS 6.5.1, 6.5.2, 6.5.3, 7.2.5)',
    body: [
      mermaid(flow),
      '',
      table(
        ['control', 'how'],
        [
          ['Source of truth', `this repository; the pipeline \`${names.pipelineName}\` (CodePipeline V2, ${transversal.name} account ${transversal.id}) deploys from ${source}`],
          ['Merge-request plans', ci.length ? `${ci.join(' and ')}: every stack planned in parallel under the read-only plan role (OIDC, no stored keys), summary posted on the merge request` : 'no external CI configured (`pipeline.ci`); the pipeline plan stage is the review point'],
          ['Approval of the deploy', `manual approval action; approvers notified on SNS \`${names.approvalTopicName}\`${pipeline.approvalEmails.length ? ` (${pipeline.approvalEmails.join(', ')})` : ''}; a newer commit supersedes a waiting execution`],
          ['What is applied', '`terraform apply <saved plan>` of each stack: exactly the plan that was approved; Terraform refuses a plan whose state changed since'],
          ['Who can deploy', `only the pipeline's deploy build may assume \`${names.deployRoleName}\` in each account; merge-request plans use \`${names.planRoleName}\` (ReadOnlyAccess)`],
          ['Separation of duties', 'authors cannot approve their own merge request (repository rule) and the deploy approval is a separate, notified step'],
          ['Traceability', 'every apply runs as a role session named after the build, recorded by the organization trail; plans and summaries are kept as pipeline artifacts (KMS, 365 days)'],
        ],
      ),
      '',
      '## Deploy order',
      '',
      table(['wave', 'stacks applied in parallel'], waves.map((wave, i) => [i + 1, wave.join(', ')])),
    ].join('\n'),
  };
};
