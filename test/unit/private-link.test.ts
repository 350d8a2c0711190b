/**
 * A private link's key is bound to one report and one version of its link, cannot be
 * made from the reference alone, and never reaches a request log.
 */
import { describe, expect, it } from 'vitest';
import { isPrivateLinkKey, privateLinkPath, redactPrivateLink } from '../../functions/reports/private-link';

const keyOf = (path: string) => path.split('/').at(-1);

describe('private links', () => {
  const report = { reference: 'ABCD2345', privateLink: { version: 1 } };
  const path = privateLinkPath('key-one', 'ABCD2345');

  it('open only the report and version they were made for, with the key they were made with', () => {
    expect(path).toMatch(/^\/api\/reports\/ABCD2345\/private\/[A-Za-z0-9_-]{43}$/);
    expect(isPrivateLinkKey('key-one', report, keyOf(path))).toBe(true);
    expect(isPrivateLinkKey('key-two', report, keyOf(path))).toBe(false);
    expect(isPrivateLinkKey('key-one', { ...report, reference: 'ZZZZZZZZ' }, keyOf(path))).toBe(false);
    expect(isPrivateLinkKey('key-one', { ...report, privateLink: { version: 2 } }, keyOf(path))).toBe(false);
    expect(isPrivateLinkKey('key-one', { reference: 'ABCD2345' }, keyOf(path))).toBe(false);
    expect(isPrivateLinkKey('key-one', report, undefined)).toBe(false);
    expect(isPrivateLinkKey('key-one', report, `${keyOf(path)}x`)).toBe(false);
  });

  it('change with every version, so replacing a link ends the old one', () => {
    expect(privateLinkPath('key-one', 'ABCD2345', 2)).not.toBe(path);
    expect(isPrivateLinkKey('key-one', { ...report, privateLink: { version: 2 } }, keyOf(privateLinkPath('key-one', 'ABCD2345', 2)))).toBe(
      true,
    );
  });

  it('are logged without their key', () => {
    expect(redactPrivateLink(`${path}?x=1`)).toBe('/api/reports/ABCD2345/private/…?x=1');
    expect(redactPrivateLink('/api/reports')).toBe('/api/reports');
  });
});
