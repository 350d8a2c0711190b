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
  /** Absent when the server is someone else's (`portalPoolIn`). */
  process?: ChildProcess;
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

/** A running cognito-local server, with no pool yet. */
export interface CognitoServer {
  endpoint: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts cognito-local on `port`, keeping its pools in `dataDir`. */
export async function startCognitoServer(options: { port: number; dataDir: string }): Promise<CognitoServer> {
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
  return { endpoint, process: child, stop: () => stopChild(child) };
}

/** Creates the portal's user pool, app client, groups and demo users in a running cognito-local. */
async function createPortalPool(endpoint: string, profile: Profile): Promise<{ userPoolId: string; clientId: string }> {
  const client = new CognitoIdentityProviderClient({
    endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const pool = await client.send(new CreateUserPoolCommand({ PoolName: 'csp-portal-local' }));
    const userPoolId = pool.UserPool!.Id!;
    const app = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: 'officer-workspace',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    for (const group of groupsFor(profile)) await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: group }));
    for (const user of demoUsers(profile)) {
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
    return { userPoolId, clientId: app.UserPoolClient!.ClientId! };
  } finally {
    client.destroy();
  }
}

function withPool(endpoint: string, ids: { userPoolId: string; clientId: string }, profile: Profile) {
  return { endpoint, issuer: `${endpoint}/${ids.userPoolId}`, ...ids, users: demoUsers(profile) };
}

/** cognito-local with the portal's pool: made on first start, reused from <dataDir>/portal.json later. */
export async function startCognitoLocal(options: {
  port: number;
  dataDir: string;
  profile: Profile;
  log?: (m: string) => void;
}): Promise<CognitoLocal> {
  const server = await startCognitoServer(options);
  const saved = join(options.dataDir, 'portal.json');
  let ids: { userPoolId: string; clientId: string };
  if (existsSync(saved)) {
    ids = JSON.parse(readFileSync(saved, 'utf8')) as typeof ids;
  } else {
    options.log?.('Creating the local user pool, groups and demo users…');
    ids = await createPortalPool(server.endpoint, options.profile).catch(async (error: unknown) => {
      await server.stop();
      throw error;
    });
    writeFileSync(saved, JSON.stringify(ids, null, 2));
  }
  return { ...withPool(server.endpoint, ids, options.profile), process: server.process, stop: server.stop };
}

/**
 * A pool of the portal's own in a cognito-local someone else runs (the test setup's, one
 * per test worker): each test file signs in to a pool no other file uses. Stopping it
 * leaves the server running.
 */
export async function portalPoolIn(endpoint: string, profile: Profile): Promise<CognitoLocal> {
  return { ...withPool(endpoint, await createPortalPool(endpoint, profile), profile), stop: async () => undefined };
}
