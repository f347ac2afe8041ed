import { describe, expect, it } from 'vitest';
import { classifyColumn, detectionOf, headerStrength } from '../testing/classify.js';
import { credentialDetector, matchCredential } from './credential.js';
import { DISTINCTIVE, NONE, SHAPE, STRONG_HEADER, VALID, WEAK_HEADER } from './detector.js';

// Fake secrets with the published prefixes; none of them is a real key.
const AWS = 'AKIAIOSFODNN7EXAMPLE';
const GITHUB = `ghp_${'a1B2c3D4e5'.repeat(4)}`;
const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA...';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const BCRYPT = `$2b$12$${'a'.repeat(53)}`;

describe('credential detector', () => {
  it.each([
    [AWS, DISTINCTIVE, 'AWS access key id'],
    [GITHUB, DISTINCTIVE, 'GitHub token'],
    [PEM, DISTINCTIVE, 'PEM private key'],
    [JWT, DISTINCTIVE, 'JSON web token'],
    [`Authorization: Bearer ${JWT}`, DISTINCTIVE, 'token inside text'],
    [BCRYPT, VALID, 'bcrypt password hash'],
    ['hunter2', SHAPE, 'any password'],
    ['two words', NONE, 'text with spaces'],
    ['abc', NONE, 'too short'],
  ])('%s → %i (%s)', (value, verdict) => {
    expect(matchCredential(value)).toBe(verdict);
  });

  it.each([
    ['password', STRONG_HEADER],
    ['mot de passe', STRONG_HEADER],
    ['contraseña', STRONG_HEADER],
    ['API key', STRONG_HEADER],
    ['token', WEAK_HEADER],
    ['password_last_changed', 'veto'],
    ['token number', 'veto'],
  ])('header %s → %s', (header, strength) => {
    expect(headerStrength(credentialDetector, header)).toBe(strength);
  });

  it('rates a password column high and never shows any part of a password', () => {
    const detection = detectionOf(classifyColumn('password', ['hunter2', 'Secreto2024!']), 'credential');
    expect(detection?.confidence).toBe('high');
    expect(detection!.examples).toEqual(['********']);
  });

  it('rates provider tokens high without a header, showing only their prefix', () => {
    const detection = detectionOf(classifyColumn('col', [AWS, GITHUB]), 'credential');
    expect(detection?.confidence).toBe('high');
    expect(detection!.examples).toEqual(['AKIA********', 'ghp_********']);
  });
});
