/**
 * S3's rules for a browser upload (POST Object with a policy), checked the way S3 checks
 * them: the signature (SigV4 over the base64 policy), the expiry, every condition (exact
 * match, starts-with, content-length-range), and that no field the form sends goes
 * unchecked. The local S3 server (s3rver) stores POSTed files without looking at the
 * policy, so the local stack checks it here first, and the integration tests show that it
 * does; what the portal relies on S3 to refuse is refused locally too.
 */
import { hmac, signingKey } from './sigv4';
import { FILE_NAME_PLACEHOLDER } from '../../functions/evidence/records';

export type PolicyVerdict =
  | { ok: true; key: string; metadata: Record<string, string>; contentType?: string; redirect?: string; status?: string }
  | { ok: false; status: 400 | 403; code: string; message: string };

interface PostedUpload {
  bucket: string;
  /** The form's fields before the file, by their names as sent. */
  fields: [string, string][];
  fileName: string;
  fileSize: number;
}

type Condition = Record<string, string> | [string, string | number, string | number];

/** Fields S3 never needs a condition for. */
const UNCHECKED = new Set(['policy', 'x-amz-signature', 'file']);

const refuse = (message: string): PolicyVerdict => ({ ok: false, status: 403, code: 'AccessDenied', message });

export function checkPostPolicy(
  upload: PostedUpload,
  credentials: { accessKeyId: string; secretAccessKey: string },
  now: Date,
): PolicyVerdict {
  const fields = new Map(upload.fields.map(([name, value]) => [name.toLowerCase(), value]));
  const policy = fields.get('policy');
  const signature = fields.get('x-amz-signature');
  const credential = fields.get('x-amz-credential');
  if (!policy || !signature || !credential) return refuse('Bucket POST must contain a policy, a signature and a credential');
  const [accessKeyId, day, region, service] = credential.split('/');
  if (accessKeyId !== credentials.accessKeyId || !day || !region || !service)
    return refuse('The AWS Access Key Id you provided does not exist in our records.');
  const expected = hmac(signingKey(credentials.secretAccessKey, day, region, service), policy).toString('hex');
  if (expected !== signature) return refuse('The request signature we calculated does not match the signature you provided.');

  let document: { expiration?: string; conditions?: Condition[] };
  try {
    document = JSON.parse(Buffer.from(policy, 'base64').toString('utf8')) as typeof document;
  } catch {
    return { ok: false, status: 400, code: 'InvalidPolicyDocument', message: 'Invalid Policy: Invalid JSON.' };
  }
  if (!document.expiration || Number.isNaN(Date.parse(document.expiration)))
    return { ok: false, status: 400, code: 'InvalidPolicyDocument', message: 'Invalid Policy: Policy missing expiration.' };
  if (Date.parse(document.expiration) < now.getTime()) return refuse('Invalid according to Policy: Policy expired.');

  // What each condition is checked against: the form's fields, with the bucket from the
  // address and the key after `${filename}` becomes the file's own name.
  const key = (fields.get('key') ?? '').replaceAll(FILE_NAME_PLACEHOLDER, upload.fileName);
  const values = new Map(fields);
  values.set('bucket', upload.bucket);
  values.set('key', key);
  const checked = new Set<string>();
  for (const condition of document.conditions ?? []) {
    if (!Array.isArray(condition)) {
      for (const [name, value] of Object.entries(condition)) {
        checked.add(name.toLowerCase());
        if (values.get(name.toLowerCase()) !== value)
          return refuse(`Invalid according to Policy: Policy Condition failed: ["eq", "$${name}", "${value}"]`);
      }
      continue;
    }
    const [operator, first, second] = condition;
    if (operator === 'content-length-range') {
      if (upload.fileSize > Number(second))
        return { ok: false, status: 400, code: 'EntityTooLarge', message: 'Your proposed upload exceeds the maximum allowed size' };
      if (upload.fileSize < Number(first))
        return { ok: false, status: 400, code: 'EntityTooSmall', message: 'Your proposed upload is smaller than the minimum allowed size' };
      continue;
    }
    const name = String(first).replace(/^\$/, '').toLowerCase();
    checked.add(name);
    const value = values.get(name) ?? '';
    const holds = operator === 'eq' ? value === second : operator === 'starts-with' ? value.startsWith(String(second)) : false;
    if (!holds) return refuse(`Invalid according to Policy: Policy Condition failed: ["${operator}", "${first}", "${second}"]`);
  }
  const unchecked = [...fields.keys()].filter((name) => !UNCHECKED.has(name) && !name.startsWith('x-ignore-') && !checked.has(name));
  if (unchecked.length) return refuse(`Invalid according to Policy: Extra input fields: ${unchecked.join(', ')}`);

  const metadata = Object.fromEntries(
    [...fields].filter(([name]) => name.startsWith('x-amz-meta-')).map(([name, value]) => [name.slice('x-amz-meta-'.length), value]),
  );
  const contentType = fields.get('content-type');
  const redirect = fields.get('success_action_redirect') ?? fields.get('redirect');
  const status = fields.get('success_action_status');
  return {
    ok: true,
    key,
    metadata,
    ...(contentType ? { contentType } : {}),
    ...(redirect ? { redirect } : {}),
    ...(status ? { status } : {}),
  };
}
