import { Construct } from 'constructs';
import { Lazy, TerraformStack } from 'cdktf';
import type { Naming } from '../accounts';
import { deployBuildspec, planBuildspec, renderBuildspec } from '../modules/pipeline/buildspec';
import { CiOidcRoles } from '../modules/pipeline/ci-oidc-roles';
import { DeployPipeline } from '../modules/pipeline/deploy-pipeline';
import { stackGraph, type StackNode } from '../modules/pipeline/stack-graph';
import { AccountStack } from './account-stack';

/** Shared services account: the deploy pipeline and the merge-request CI roles. */
export class TransversalStack extends AccountStack {
  readonly pipeline: DeployPipeline;
  readonly ci: CiOidcRoles;

  constructor(scope: Construct, names: Naming) {
    super(scope, names, names.account('transversal'));
    const config = names.org.pipeline;
    // Every account with a stack: their plan and deploy roles are what the builds assume.
    const accountIds = [...new Set(names.existingAccounts.map((a) => a.id))];
    // The stack list and dependencies are read from the app when it synthesizes (after
    // every stack exists), so the build specs always match cdktf.out/manifest.json.
    const graph = (): StackNode[] => stackGraph(this.node.root.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack));
    const lazyYaml = (render: (g: StackNode[]) => string) => Lazy.stringValue({ produce: () => render(graph()) });
    this.pipeline = new DeployPipeline(this, 'pipeline', {
      names,
      accountIds,
      planBuildspec: lazyYaml((g) => renderBuildspec(planBuildspec(g, { terraformVersion: config.terraformVersion, roleName: names.planRoleName }))),
      deployBuildspec: lazyYaml((g) => renderBuildspec(deployBuildspec(g, { terraformVersion: config.terraformVersion, roleName: names.deployRoleName }))),
    });
    this.ci = new CiOidcRoles(this, 'ci', { names, accountIds });
  }
}
