/**
 * npm run docs: writes the evidence pack (docs/) for the organization in accounts/.
 *   npm run docs -- --commit <sha>   stamp a commit on every page (pipeline artifacts)
 *   npm run docs -- --outdir <dir>
 */
import { parseArgs } from 'node:util';
import { ConfigError, organization, validateOrganization } from '../accounts';
import { landingZoneOf, writeEvidence } from '../evidence';

const { values } = parseArgs({ options: { commit: { type: 'string' }, outdir: { type: 'string' } } });
try {
  const written = writeEvidence(landingZoneOf(validateOrganization(organization)), values.outdir ?? 'docs', { commit: values.commit });
  console.log(`Evidence pack: ${written.length} pages in ${values.outdir ?? 'docs'}/`);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
