/**
 * Every field of the case view is held to the reader's data level: notes and the
 * timeline as well as the report. In-memory fakes for the case store are fine here:
 * this is the use case's own rule, not DynamoDB's.
 */
import { defaultProfile } from '../../shared/config/load-profile';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { getCase } from '../../functions/officer/case';
import type { Officer } from '../../functions/officer/authorise';
import type { OfficerDependencies } from '../../functions/officer/dependencies';
import type { CaseNote, IncidentRecord, MessageRecord, StoredReport } from '../../functions/reports/records';
import type { Report } from '../../shared/contracts/report';
import { notesFor, redactContact, REMOVED } from '../../shared/domain/note-visibility';

const report = {
  type: 'asb',
  asbCategory: 'environmental',
  reporterRole: 'victim',
  description: 'Bins set alight behind the shops again',
  occurredAt: '2026-11-20T17:45:00Z',
  location: { area: 'north', street: 'Mill Lane', postcode: 'TE1 2ST', details: 'Behind number 14, by the red gate' },
  anonymous: false,
  contact: { name: 'Jo Testperson', email: 'jo.testperson@example.com', phone: '01632 960 123' },
  offenderDescription: 'Two teenagers on bikes',
  impact: 'Scared to go out after dark',
} as unknown as Report;

/** What must never reach a summary-level partner, in any field. */
const PERSONAL = [
  'Jo Testperson',
  'jo.testperson@example.com',
  '01632 960 123',
  '01632960123',
  'Bins set alight',
  'by the red gate',
  'Two teenagers',
  'Scared to go out',
  'someone.else@example.org',
  '07700 900 982',
  // From an incident the resident added later: held to the same levels.
  'Fire set in the bin store',
  'A man in a grey hoodie',
  'Cannot sleep',
  'under the stairwell',
  // A message the resident sent the officers: never a partner's to read.
  'Pat Example is behind it',
];

const messages: MessageRecord[] = [
  {
    reference: 'ABCD2345',
    at: '2026-11-21T21:00:00.000Z',
    message: { about: 'more-information', message: 'I think Pat Example is behind it' },
    expiresAt: 1_900_000_000,
  },
];

const incidents: IncidentRecord[] = [
  {
    reference: 'ABCD2345',
    at: '2026-11-21T20:00:00.000Z',
    incident: {
      description: 'Fire set in the bin store',
      occurredAt: '2026-11-21T19:30:00Z',
      location: { street: 'Mill Lane', details: 'under the stairwell' },
      offenderDescription: 'A man in a grey hoodie',
      impact: 'Cannot sleep',
    },
    expiresAt: 1_900_000_000,
  },
];

const stored: StoredReport = {
  reference: 'ABCD2345',
  status: 'assigned',
  version: 3,
  createdAt: '2026-11-21T09:00:00.000Z',
  dueAt: '2026-11-24T17:00:00.000Z',
  report,
  routes: [
    { partnerId: 'team', dataLevel: 'full' },
    { partnerId: 'housing', dataLevel: 'no-contact' },
    { partnerId: 'fire', dataLevel: 'summary' },
  ],
  deliveries: {},
  expiresAt: 1_900_000_000,
};

const note = (text: string, extra: Partial<CaseNote> = {}): CaseNote => ({
  reference: 'ABCD2345',
  at: `2026-11-21T10:0${extra.shared ? 1 : 0}:00.000Z`,
  userId: 'u',
  username: 'officer@example.org',
  text,
  expiresAt: 1,
  ...extra,
});
const notes = [
  note('Internal: called Jo Testperson on 01632 960 123, she is scared to go out'),
  note(
    'Shared: Jo Testperson (jo.testperson@example.com, 01632960123) saw them again; neighbour someone.else@example.org on 07700 900 982 too. Patrols agreed for Mill Lane.',
    { shared: true },
  ),
];

function depsWith(partnerIds: string[] = ['team', 'housing', 'fire']): OfficerDependencies {
  return {
    cases: { getCase: async () => ({ stored, incidents, messages, notes, outbox: [], audit: [] }) },
    reviews: { listings: async () => [] },
    // One kept file, named as residents name them: by who and where.
    evidence: {
      list: async () => [
        {
          reference: 'ABCD2345',
          id: '6c61d7e1-cb05-4353-a4be-cb43e63edd73',
          name: 'Jo Testperson front door.jpg',
          status: 'available',
          mediaType: 'image/jpeg',
          bytes: 1000,
          objectKey: 'reports/ABCD2345/6c61d7e1-cb05-4353-a4be-cb43e63edd73',
          cleaned: 'Location (GPS), camera, date and all other metadata removed',
          at: '2026-11-21T11:00:00.000Z',
          expiresAt: 1,
        },
      ],
    },
    audit: { append: async () => undefined },
    partnerList: async () => partnerIds.map((id) => ({ id, name: `Partner ${id}` })),
    now: () => new Date('2026-11-22T10:00:00Z'),
    profile: defaultProfile(),
  } as unknown as OfficerDependencies;
}

const reader = (access: Officer['access']): Officer => ({
  identity: { userId: 'u2', username: 'reader@example.org', groups: [] },
  access,
  isAdmin: false,
});
const event = { pathParameters: { reference: 'ABCD2345' } } as unknown as APIGatewayProxyEventV2;

async function viewAs(access: Officer['access']) {
  const res = await getCase(depsWith(), reader(access), event);
  expect(res.statusCode).toBe(200);
  return {
    raw: String(res.body),
    body: JSON.parse(String(res.body)) as { notes: { text: string; shared: boolean }[]; timeline: { kind: string; text: string }[] },
  };
}

describe('the case view for each data level', () => {
  it('gives a summary-level partner no personal data in any field, and only shared notes', async () => {
    const { raw, body } = await viewAs({ kind: 'partner', partnerId: 'fire' });
    for (const value of PERSONAL) expect(raw, value).not.toContain(value);
    expect(body.notes).toHaveLength(1);
    expect(body.notes[0]!.shared).toBe(true);
    expect(body.notes[0]!.text).toContain('Patrols agreed for Mill Lane');
    expect(body.timeline.filter((t) => t.kind === 'note')).toHaveLength(1);
    // The resident's files: how many, and nothing about them.
    expect(JSON.parse(raw)).toMatchObject({ evidenceWithheld: 1 });
    expect(raw).not.toContain('front door');
    // The incident is there, as what, where and when only.
    const [incident] = (JSON.parse(raw) as { incidents: { at: string; incident: Record<string, unknown> }[] }).incidents;
    expect(incident).toEqual({
      at: incidents[0]!.at,
      incident: expect.objectContaining({
        type: 'asb',
        occurredAt: '2026-11-21T19:30:00Z',
        location: { area: 'north', street: 'Mill Lane' },
      }),
    });
  });

  it('gives a no-contact partner the description but no contact details, in the notes too', async () => {
    const { raw } = await viewAs({ kind: 'partner', partnerId: 'housing' });
    expect(raw).toContain('Bins set alight');
    expect(raw).toContain('A man in a grey hoodie');
    for (const value of [
      'Jo Testperson',
      'jo.testperson@example.com',
      '01632 960 123',
      '01632960123',
      'someone.else@example.org',
      '07700 900 982',
    ])
      expect(raw, value).not.toContain(value);
    expect(raw).not.toContain('Internal: called');
    expect(JSON.parse(raw)).toMatchObject({ evidenceWithheld: 1 });
    expect(raw).not.toContain('front door');
  });

  it("gives a full-level partner the shared note verbatim but never an internal one, nor the resident's messages", async () => {
    const { body, raw } = await viewAs({ kind: 'partner', partnerId: 'team' });
    expect(raw).not.toContain('Pat Example');
    expect(body.notes.map((n) => n.text)).toEqual([notes[1]!.text]);
    // A partner trusted with everything sees the files listed (by default, at the full level).
    expect((JSON.parse(raw) as { evidence: { name: string }[] }).evidence.map((f) => f.name)).toEqual(['Jo Testperson front door.jpg']);
  });

  it('gives partnership officers every note and message as written', async () => {
    const { body, raw } = await viewAs({ kind: 'all' });
    expect(raw).toContain('I think Pat Example is behind it');
    expect(body.notes.map((n) => n.text)).toEqual(notes.map((n) => n.text));
  });
});

describe('note visibility rules', () => {
  it("shows a partner its own organisation's notes as written, and no other partner's unshared ones", () => {
    const own = note('Visited Jo Testperson at home', { authorPartnerId: 'fire' });
    const others = note('Spoke to Jo Testperson', { authorPartnerId: 'housing' });
    expect(notesFor([own, others], { kind: 'partner', partnerId: 'fire', dataLevel: 'summary' }, report)).toEqual([own]);
  });

  it("removes the reporter's details however they are written, and anything shaped like contact details", () => {
    const out = redactContact(
      'JO TESTPERSON rang from 01632-960-123 / +44 7700 900982, mail Jo.Testperson@Example.com or x@y.co.uk',
      report,
    );
    expect(out).not.toMatch(/testperson|960|7700|@/i);
    expect(out.split(REMOVED).length - 1).toBe(5);
    expect(redactContact('Reported on 12 Nov 2026 at 22:10, 3 visits', report)).toBe('Reported on 12 Nov 2026 at 22:10, 3 visits');
  });
});
