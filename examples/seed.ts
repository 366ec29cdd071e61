// Synthetic demo data: invented people, NHS numbers from the 999 test range (valid modulus 11), never real records.
import { nhsNumberCheckDigit, toLondonIso, type ContactInput, type StrClient } from '@strkit/sdk';

const PEOPLE = [
  'Ada Fennimore', 'Bram Oakhollow', 'Cleo Marchbank', 'Dev Pellingham', 'Esme Quarrendon',
  'Finn Yarrowby', 'Gwen Tallentire', 'Hari Nettlecombe',
];

/** The n-th synthetic NHS number: 999 + six digits + its modulus 11 check digit (skipping invalid stems). */
export function syntheticNhsNumber(n: number): string {
  for (let stem = n * 7 + 1; ; stem++) {
    const nine = `999${String(stem).padStart(6, '0')}`;
    const check = nhsNumberCheckDigit(nine);
    if (check !== undefined) return `${nine}${check}`;
  }
}

export const DEMO_WORKERS = [
  { id: 'demo-str-worker', name: 'Sam Example (STR worker)', role: 'str-worker' },
  { id: 'demo-coordinator', name: 'Kit Example (care co-ordinator)', role: 'care-coordinator' },
  { id: 'demo-viewer', name: 'Lee Example (viewer)', role: 'viewer' },
] as const;

const NOTES = [
  'Met at home. Talked through the week; plans to visit the library on Thursday.',
  'Phone call to check in before the benefits appointment.',
  'Went to the café together. Said sleep has been better.',
  'Did not answer the door; left a card with the next visit date.',
  'Video call. Practised the bus journey plan.',
];

/** Seeds the store once: people, then a few weeks of contacts each. Uses the co-ordinator's client. */
export async function seed(client: StrClient, now: Date): Promise<void> {
  const existing = await client.serviceUsers.list({ limit: 1 });
  if (existing.items.length > 0) return;
  let n = 0;
  for (const displayName of PEOPLE) {
    const person = await client.serviceUsers.create({
      displayName,
      nhsNumber: syntheticNhsNumber(n),
      careCoordinatorId: 'demo-coordinator',
    });
    for (let i = 0; i < 6; i++) {
      const start = now.getTime() - (i * 3 + (n % 3) + 1) * 86_400_000 - (n % 5) * 3_600_000;
      const attended = (i + n) % 7 !== 3;
      const contact: ContactInput = {
        serviceUserId: person.id,
        start: toLondonIso(Math.floor(start / 60_000) * 60_000),
        durationMinutes: [15, 30, 45, 60][(i + n) % 4]!,
        mechanism: (['01', '02', '11'] as const)[(i + n) % 3]!,
        locationType: (['A01', 'N01', 'E02'] as const)[(i * 2 + n) % 3]!,
        attendance: attended ? '5' : '3',
        planned: true,
        note: NOTES[(i + n) % NOTES.length]!,
      };
      await client.contacts.create(contact);
    }
    n++;
  }
}
