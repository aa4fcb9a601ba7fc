import { schemaVersion } from '../../core/db/migrate';
import { MIGRATIONS } from '../../core/db/migrations';
import { readMeta } from '../../core/office-meta';
import { recordCounts } from '../../core/record-counts';
import { listLiveUsers } from '../../core/users/user-repo';
import { requireOption, type CliArgs } from '../args';
import { openForCli } from '../open-for-cli';

export async function infoCommand(args: CliArgs): Promise<void> {
  const dataDir = requireOption(args.dataDir, '--data-dir');
  const vault = await openForCli(dataDir, args.user);
  try {
    const info = {
      schemaVersion: schemaVersion(vault.db),
      latestSchemaVersion: MIGRATIONS.length,
      office: { id: readMeta(vault.db, 'office_id'), name: readMeta(vault.db, 'office_name') },
      users: listLiveUsers(vault.db).map((u) => ({
        name: u.name,
        displayName: u.displayName,
        roles: u.roles,
      })),
      counts: recordCounts(vault.db),
    };
    if (args.json) console.log(JSON.stringify(info, null, 2));
    else {
      console.log(`office:  ${info.office.name} (${info.office.id})`);
      console.log(`schema:  ${info.schemaVersion} of ${info.latestSchemaVersion}`);
      console.log(`users:   ${info.users.map((u) => `${u.name} [${u.roles.join(', ')}]`).join('; ')}`);
      console.log(
        `records: ${Object.entries(info.counts)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`,
      );
    }
  } finally {
    vault.close();
  }
}
