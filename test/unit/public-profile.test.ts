/** What a browser is sent of the profile: names only, in a data block nothing can break out of. */
import { describe, expect, it } from 'vitest';
import { publicProfileJson, publicProfileOf } from '../../shared/config/public-profile';

const profile = {
  areas: [{ id: 'north', name: 'North </script><script>alert(1)</script>', postcodeDistricts: ['FB1'] }],
  partners: [
    {
      id: 'police',
      name: 'Police',
      email: 'secret-inbox@police.example',
      dataLevel: 'full' as const,
      handles: { types: ['asb' as const], areas: '*' as const },
    },
  ],
};

describe('the public profile', () => {
  it('keeps the names of areas and partners and nothing else', () => {
    expect(publicProfileOf(profile)).toEqual({
      areas: [{ id: 'north', name: 'North </script><script>alert(1)</script>' }],
      partners: [{ id: 'police', name: 'Police' }],
    });
    expect(publicProfileJson(profile)).not.toContain('secret-inbox');
    expect(publicProfileJson(profile)).not.toContain('postcodeDistricts');
  });

  it('cannot end the data block it is written into, and reads back the same', () => {
    const json = publicProfileJson(profile);
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual(publicProfileOf(profile));
  });
});
