/**
 * Runs cognito-local (USER_PASSWORD_AUTH, RS256, groups in cognito:groups) and, on
 * first start, creates the portal's user pool, app client, groups and demo users.
 * The ids are kept in <dataDir>/portal.json so later runs reuse the same pool.
 * Demo credentials are for this machine only; they never exist in AWS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Profile } from '../../shared/config/profile-schema';
import { stopChild } from './dynamodb-local';
import { waitFor } from './ports';

interface DemoUser {
  username: string;
  password: string;
  groups: string[];
  description: string;
}

export interface CognitoLocal {
  endpoint: string;
  issuer: string;
  userPoolId: string;
  clientId: string;
  users: DemoUser[];
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Groups: admin, officer, and one per partner (partner-<id>) for partner staff. */
function groupsFor(profile: Profile): string[] {
  return ['admin', 'officer', ...profile.partners.map((p) => `partner-${p.id}`)];
}

function demoUsers(profile: Profile): DemoUser[] {
  const domain = profile.senderEmail.split('@')[1];
  return [
    {
      username: `admin@${domain}`,
      password: 'Local-Admin-Demo-1',
      groups: ['admin'],
      description: 'administrator: everything, partners and audit',
    },
    {
      username: `officer@${domain}`,
      password: 'Local-Officer-Demo-1',
      groups: ['officer'],
      description: 'community safety officer: every report',
    },
    // One partner user per partner, so each partner's view (its reports, at its data level) can be tried.
    ...profile.partners.map((p) => ({
      username: `${p.id}@${domain}`,
      password: `Local-${p.id.charAt(0).toUpperCase()}${p.id.slice(1)}-Demo-1`,
      groups: [`partner-${p.id}`],
      description: `${p.name}: only reports routed to them, data level ${p.dataLevel}`,
    })),
    { username: `nobody@${domain}`, password: 'Local-Nobody-Demo-1', groups: [], description: 'signed in but in no group: sees nothing' },
  ];
}

const require = createRequire(import.meta.url);

export async function startCognitoLocal(options: {
  port: number;
  dataDir: string;
  profile: Profile;
  log?: (m: string) => void;
}): Promise<CognitoLocal> {
  const configDir = join(options.dataDir, '.cognito');
  mkdirSync(configDir, { recursive: true });
  const endpoint = `http://localhost:${options.port}`;
  // Tokens say who issued them; keep it on the port actually used. Usernames are the
  // officers' email addresses (as in the AWS pool), not UUIDs, so the audit says who.
  writeFileSync(
    join(configDir, 'config.json'),
    JSON.stringify({ TokenConfig: { IssuerDomain: endpoint }, UserPoolDefaults: { UsernameAttributes: [] } }, null, 2),
  );
  const cli = join(dirname(require.resolve('cognito-local/package.json')), 'lib/bin/start.js');
  const child = spawn(process.execPath, [cli], {
    cwd: options.dataDir,
    env: { ...process.env, PORT: String(options.port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.resume();
  child.stderr?.resume();
  let exited = false;
  child.once('exit', () => (exited = true));
  await waitFor('Cognito local', async () => {
    if (exited) throw new Error('Cognito local exited while starting');
    const res = await fetch(`${endpoint}/`, {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools', 'content-type': 'application/x-amz-json-1.1' },
      body: JSON.stringify({ MaxResults: 1 }),
    });
    return res.status < 500;
  });

  const client = new CognitoIdentityProviderClient({
    endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const saved = join(options.dataDir, 'portal.json');
  let ids: { userPoolId: string; clientId: string };
  if (existsSync(saved)) {
    ids = JSON.parse(readFileSync(saved, 'utf8')) as typeof ids;
  } else {
    options.log?.('Creating the local user pool, groups and demo users…');
    const pool = await client.send(new CreateUserPoolCommand({ PoolName: 'csp-portal-local' }));
    const userPoolId = pool.UserPool!.Id!;
    const app = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: 'officer-workspace',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    for (const group of groupsFor(options.profile)) await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: group }));
    for (const user of demoUsers(options.profile)) {
      await client.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: user.username,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: user.username },
            { Name: 'email_verified', Value: 'true' },
          ],
        }),
      );
      await client.send(
        new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: user.username, Password: user.password, Permanent: true }),
      );
      for (const group of user.groups)
        await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: user.username, GroupName: group }));
    }
    ids = { userPoolId, clientId: app.UserPoolClient!.ClientId! };
    writeFileSync(saved, JSON.stringify(ids, null, 2));
  }
  client.destroy();
  return {
    endpoint,
    issuer: `${endpoint}/${ids.userPoolId}`,
    ...ids,
    users: demoUsers(options.profile),
    process: child,
    stop: () => stopChild(child),
  };
}
