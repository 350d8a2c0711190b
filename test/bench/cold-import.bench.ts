/**
 * Cold import of each function bundle in a fresh Node process, against the floor: a
 * bundle that only constructs the same AWS SDK clients (the cost we cannot remove).
 * Runs alternate handler/floor so machine drift hits both.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleEntry, bundleFunction, functionEntries } from '../../infra/aws/bundle';
import { median } from './stats';

/** Which SDK clients each function constructs (its floor). */
type Client = 'dynamodb' | 'sesv2' | 's3' | 'cloudfront';
const CLIENTS: Record<string, Client[]> = {
  'submit-report': ['dynamodb'],
  'report-confirmation': ['dynamodb'],
  openapi: [],
  'officer-read': ['dynamodb'],
  'officer-write': ['dynamodb'],
  'officer-admin': ['dynamodb'],
  'report-status': ['dynamodb'],
  'private-report': ['dynamodb'],
  'resident-message': ['dynamodb'],
  'sign-in-config': [],
  'route-report': ['dynamodb', 'sesv2'],
  'sweep-outbox': ['dynamodb', 'sesv2'],
  'poll-start': ['dynamodb'],
  'cast-ballot': ['dynamodb'],
  'poll-pages': ['dynamodb'],
  'close-polls': ['dynamodb'],
  'delivery-feedback': ['dynamodb'],
  'case-review-apply': ['dynamodb'],
  'case-review-from-report': ['dynamodb'],
  'case-review-statistics': ['dynamodb'],
  'poll-list-page': ['dynamodb'],
  'poll-start-page': ['dynamodb'],
  'poll-vote-page': ['dynamodb'],
  'import-polls': ['dynamodb'],
  'refresh-site-regions': ['dynamodb', 's3', 'cloudfront'],
  'evidence-page': ['dynamodb', 's3'],
  'evidence-grants': ['dynamodb', 's3'],
  'process-evidence': ['dynamodb', 's3'],
};

export interface ColdImportFigures {
  id: string;
  bundleBytes: number;
  floorBytes: number;
  importMs: number;
  floorMs: number;
  ratio: number;
}

const RUNNER = `const t=performance.now();await import(process.argv[1]);process.stdout.write(String(performance.now()-t));`;

function importOnce(file: string): number {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', RUNNER, file], {
    encoding: 'utf8',
    env: {
      ...process.env,
      TABLE_NAME: 'bench',
      QUARANTINE_BUCKET: 'bench-quarantine',
      EVIDENCE_BUCKET: 'bench-evidence',
      AWS_REGION: 'eu-west-2',
      LOG_LEVEL: 'silent',
    },
  });
  return Number(out);
}

function floorBundle(dir: string, clients: Client[]): { file: string; bytes: number } {
  mkdirSync(dir, { recursive: true });
  const lines = [
    clients.includes('dynamodb')
      ? "import { DynamoDBClient } from '@aws-sdk/client-dynamodb'; globalThis.d = new DynamoDBClient({ region: 'eu-west-2' });"
      : '',
    clients.includes('sesv2')
      ? "import { SESv2Client } from '@aws-sdk/client-sesv2'; globalThis.s = new SESv2Client({ region: 'eu-west-2' });"
      : '',
    clients.includes('s3') ? "import { S3Client } from '@aws-sdk/client-s3'; globalThis.b = new S3Client({ region: 'eu-west-2' });" : '',
    clients.includes('cloudfront')
      ? "import { CloudFrontClient } from '@aws-sdk/client-cloudfront'; globalThis.c = new CloudFrontClient({ region: 'us-east-1' });"
      : '',
    'export const handler = async () => ({});',
  ];
  const entry = join(dir, 'entry.mjs');
  writeFileSync(entry, lines.join('\n'));
  // Built exactly like the functions (same esbuild options, same code splitting).
  return bundleEntry(entry, join(dir, 'out'));
}

export function benchColdImport(runs = 15, log = console.log): ColdImportFigures[] {
  const out = mkdtempSync(join(tmpdir(), 'csp-bench-'));
  const figures: ColdImportFigures[] = [];
  for (const { id, entry } of functionEntries()) {
    const bundle = bundleFunction(id, entry, join(out, 'functions'));
    const clients = CLIENTS[id];
    // A new function must say which clients it constructs, or its floor would be wrong.
    if (!clients) throw new Error(`Add "${id}" to CLIENTS in test/bench/cold-import.bench.ts`);
    const floor = floorBundle(join(out, 'floor', id), clients);
    log(`  ${id}: ${runs} fresh processes each…`);
    importOnce(bundle.file);
    importOnce(floor.file);
    const mine: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < runs; i++) {
      mine.push(importOnce(bundle.file));
      base.push(importOnce(floor.file));
    }
    figures.push({
      id,
      bundleBytes: bundle.bytes,
      floorBytes: floor.bytes,
      importMs: median(mine),
      floorMs: median(base),
      ratio: median(mine) / median(base),
    });
  }
  rmSync(out, { recursive: true, force: true });
  return figures;
}
