import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Roll } from '@lagesbild/domain';
import * as jose from 'jose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadAuthConfig } from './config';
import { signToken } from './sign';
import { CLOCK_SKEW_S, createVerifier, VERIFIED_CACHE_S } from './verify';

// Counts the signature checks the verifier asks jose for.
vi.mock('jose', async (importOriginal) => {
  const original = await importOriginal<typeof import('jose')>();
  return { ...original, jwtVerify: vi.fn(original.jwtVerify) };
});

const config = (secret = 'en-hemlighet-for-enhetstester-0123456789abcdef') =>
  loadAuthConfig({ LAGESBILD_JWT_SECRET: secret }, mkdtempSync(join(tmpdir(), 'lagesbild-auth-')));
const checks = () => vi.mocked(jose.jwtVerify).mock.calls.length;
const START = new Date('2026-12-01T12:00:00Z');
const at = (seconds: number) => vi.setSystemTime(new Date(START.getTime() + seconds * 1000));

describe('a verified token, remembered', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(START);
    vi.mocked(jose.jwtVerify).mockClear();
  });
  afterEach(() => vi.useRealTimers());

  it('is checked once while it is valid, then again after VERIFIED_CACHE_S', async () => {
    const c = config();
    const verify = createVerifier(c);
    const t = await signToken(c, { roller: [Roll.RADET], subject: 'lasare-1', giltigt: '1h' });
    const principal = { subject: 'lasare-1', roller: [Roll.RADET], skolaId: null };
    expect(await verify(`Bearer ${t}`)).toEqual(principal);
    expect(await verify(`bearer ${t} `)).toEqual(principal);
    expect(checks()).toBe(1);
    at(VERIFIED_CACHE_S - 1);
    await verify(`Bearer ${t}`);
    expect(checks()).toBe(1);
    at(VERIFIED_CACHE_S);
    expect(await verify(`Bearer ${t}`)).toEqual(principal);
    expect(checks()).toBe(2);
  });

  it('is refused from the second jose refuses it: at exp plus the clock skew', async () => {
    const c = config();
    const verify = createVerifier(c);
    const t = await signToken(c, { roller: [Roll.RADET], giltigt: '30s' });
    await verify(`Bearer ${t}`);
    at(30 + CLOCK_SKEW_S - 1);
    await expect(verify(`Bearer ${t}`)).resolves.toBeTruthy();
    at(30 + CLOCK_SKEW_S);
    await expect(verify(`Bearer ${t}`)).rejects.toMatchObject({ reason: 'utgangen' });
  });

  it('is another token with one character changed: that one is checked and refused', async () => {
    const c = config();
    const verify = createVerifier(c);
    const t = await signToken(c, { roller: [Roll.RADET] });
    await verify(`Bearer ${t}`);
    const last = t.at(-2) === 'A' ? 'B' : 'A';
    const andrad = `${t.slice(0, -2)}${last}${t.slice(-1)}`;
    await expect(verify(`Bearer ${andrad}`)).rejects.toMatchObject({ reason: 'ogiltig' });
    expect(checks()).toBe(2);
  });

  it('hands each caller its own principal: changing one changes no later answer', async () => {
    const c = config();
    const verify = createVerifier(c);
    const t = await signToken(c, { roller: [Roll.RADET], subject: 's' });
    const forsta = await verify(`Bearer ${t}`);
    forsta.roller.push(Roll.ADMIN);
    forsta.subject = 'annan';
    const andra = await verify(`Bearer ${t}`);
    expect(andra).toEqual({ subject: 's', roller: [Roll.RADET], skolaId: null });
    andra.roller.push(Roll.ADMIN);
    expect((await verify(`Bearer ${t}`)).roller).toEqual([Roll.RADET]);
    expect(checks()).toBe(1);
  });

  it('is per verifier: another key refuses what this one remembers', async () => {
    const c = config();
    const t = await signToken(c, { roller: [Roll.RADET] });
    await createVerifier(c)(`Bearer ${t}`);
    await expect(
      createVerifier(config('en-annan-hemlighet-for-enhetstester-0123456789'))(`Bearer ${t}`),
    ).rejects.toMatchObject({
      reason: 'ogiltig',
    });
  });
});
