import { describe, expect, it } from 'vitest';
import { REDACTED, createRedactor } from './redact';

// No known secrets: what is caught here is caught by field name and pattern alone.
const redact = createRedactor([]);

describe('redaction by pattern, for secrets the app never held', () => {
  it.each([
    ['enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0', '$1$mERr'],
    ['enable password Sw1tchEnable', 'Sw1tchEnable'],
    ['username admin privilege 15 secret 0 Adm1nPass', 'Adm1nPass'],
    [' password 7 0822455D0A16', '0822455D0A16'],
    ['snmp-server community N0tPublic RO', 'N0tPublic'],
    ['snmp-server community "Ar8baComm" operator unrestricted', 'Ar8baComm'],
    ['password manager user-name "admin" plaintext "Mgr-Secret"', 'Mgr-Secret'],
    ['snmpv3 user ops auth sha "AuthKey99" priv aes "PrivKey99"', 'AuthKey99'],
    ['snmpv3 user ops auth sha "AuthKey99" priv aes "PrivKey99"', 'PrivKey99'],
    ['tacacs-server key 7 TacKey123', 'TacKey123'],
    ['radius-server host 10.0.0.5 key "RadKey456"', 'RadKey456'],
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc.def', 'eyJhbGciOiJIUzI1NiJ9'],
    ['GET /?token=AbCdEf0123456789 HTTP/1.1', 'AbCdEf0123456789'],
    ['Cookie: dialtone_session=s3ss10nV4lue', 's3ss10nV4lue'],
    ['Enter PIN 482913 on the handset', '482913'],
    [
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----',
      'MIIEowIBAAKCAQEA',
    ],
    [
      'crypto pki certificate chain TP-self-signed\n certificate self-signed 01\n  3082024A 30820133 A0030201\n  quit',
      '3082024A',
    ],
  ])('%s', (text, secret) => {
    const out = redact.text(text);
    expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
  });

  it('keeps the words around a secret, and ordinary configuration untouched', () => {
    expect(redact.text('snmp-server community N0tPublic RO')).toBe(
      `snmp-server community ${REDACTED} RO`,
    );
    const plain = 'interface Gi1/0/5\n description Desk phone\n switchport access vlan 10\n';
    expect(redact.text(plain)).toBe(plain);
  });

  it('blanks fields named like a secret in JSON, at any depth, and keeps the shape', () => {
    const value = {
      numbers: [{ e164: '+442079460010', defaultPin: '7760', extension: '2010' }],
      settings: { token: 'abc', baseUrl: 'https://platform.example' },
    };
    expect(redact.json(value)).toEqual({
      numbers: [{ e164: '+442079460010', defaultPin: REDACTED, extension: '2010' }],
      settings: { token: REDACTED, baseUrl: 'https://platform.example' },
    });
  });

  it('takes out every secret the app holds wherever it appears, longest first', () => {
    const known = createRedactor(['s3cret-token-value', 's3cret', 'abc']);
    expect(known.text('x s3cret-token-value y s3cret z abc')).toBe(
      `x ${REDACTED} y ${REDACTED} z abc`,
    );
  });
});
