// Deterministic benchmark data for the Business-Partner-like V2 service: N partners and N addresses,
// in Gateway V2 JSON form (Decimal as string, /Date(…)/), written once and served by both engines.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FIRST = [
  'Anna',
  'Ben',
  'Clara',
  'David',
  'Elena',
  'Felix',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Karla',
  'Luca',
];
const LAST = [
  'Schmidt',
  'Miller',
  'Dubois',
  'Rossi',
  'Novak',
  'Jensen',
  'Garcia',
  'Weber',
  'Smith',
  'Kowalski',
  'Berg',
  'Lang',
];
const CITY = [
  'Walldorf',
  'Berlin',
  'Hamburg',
  'Munich',
  'Paris',
  'Lyon',
  'Milan',
  'Vienna',
  'Zurich',
  'Boston',
];

function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const partnerKey = (i) => String(1_000_001 + i);

export function writeBenchData(folder, rows) {
  mkdirSync(folder, { recursive: true });
  const r = random(42);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const partners = [];
  const addresses = [];
  for (let i = 0; i < rows; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const day = Date.UTC(2018, 0, 1) + Math.floor(r() * 2900) * 86_400_000;
    partners.push({
      BusinessPartner: partnerKey(i),
      Customer: partnerKey(i),
      BusinessPartnerCategory: r() < 0.7 ? '1' : '2',
      BusinessPartnerFullName: `${first} ${last}`,
      FirstName: first,
      LastName: last,
      OrganizationBPName1: '',
      SearchTerm1: last.toUpperCase(),
      Industry: 'RETAIL',
      CreditLimitAmount: (Math.round(r() * 10_000_000) / 100).toFixed(2),
      Currency: 'EUR',
      EmployeeCount: Math.floor(r() * 1000),
      Rating: Math.round(r() * 50) / 10,
      IsMarkedForArchiving: r() < 0.1,
      CreationDate: `/Date(${day})/`,
      LastChangeDateTime: `/Date(${day + 3_600_000}+0000)/`,
    });
    addresses.push({
      BusinessPartner: partnerKey(i),
      AddressID: String(i + 1),
      StreetName: 'Main Street',
      HouseNumber: String(1 + Math.floor(r() * 200)),
      PostalCode: String(10000 + Math.floor(r() * 89999)),
      CityName: pick(CITY),
      Country: 'DE',
      Region: 'BW',
    });
  }
  const files = {
    A_BusinessPartner: path.join(folder, 'A_BusinessPartner.json'),
    A_BusinessPartnerAddress: path.join(folder, 'A_BusinessPartnerAddress.json'),
  };
  writeFileSync(files.A_BusinessPartner, JSON.stringify(partners));
  writeFileSync(files.A_BusinessPartnerAddress, JSON.stringify(addresses));
  return files;
}
