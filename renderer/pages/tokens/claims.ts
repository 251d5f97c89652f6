// Words for what a JWT contains and for why it fails verification.
import type { TokenProblem } from '../../../app/admin-api.js';

/** Claims holding NumericDate values (seconds since the epoch), shown with a readable date too. */
export const TIME_CLAIMS: ReadonlySet<string> = new Set(['exp', 'iat', 'nbf', 'auth_time']);

export const CLAIM_LABELS: Readonly<Record<string, string>> = {
  alg: 'Signature algorithm',
  kid: 'Signing key id',
  jku: 'Key set URL',
  typ: 'Type',
  jti: 'Token id',
  iss: 'Issuer',
  sub: 'Subject',
  aud: 'Audiences',
  azp: 'Authorized party',
  cid: 'Client id',
  client_id: 'Client id',
  zid: 'Zone (subaccount) id',
  scope: 'Scopes',
  authorities: 'Client authorities',
  grant_type: 'Grant type',
  exp: 'Expires',
  iat: 'Issued',
  nbf: 'Not valid before',
  auth_time: 'User signed in',
  user_name: 'User name',
  user_id: 'User id',
  user_uuid: 'User id',
  email: 'Email',
  given_name: 'Given name',
  family_name: 'Family name',
  origin: 'Identity provider',
  ext_attr: 'Extended attributes',
  rev_sig: 'Revocation signature',
  'xs.system.attributes': 'Role collections',
  'xs.user.attributes': 'User attributes',
};

export const PROBLEM_TITLES: Readonly<Record<TokenProblem['code'], string>> = {
  malformed: 'Malformed',
  algorithm: 'Wrong algorithm',
  unknown_kid: 'Unknown signing key',
  bad_signature: 'Bad signature',
  expired: 'Expired',
  not_yet_valid: 'Not yet valid',
  audience: 'Wrong audience',
};
