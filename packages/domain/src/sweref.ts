/*
 * SWEREF 99 TM (EPSG:3006) by the Gauss–Krüger series Lantmäteriet publishes
 * ("Gauss konforma projektion"), to fourth order in n: sub-millimetre across Sweden,
 * which is far finer than any address a partner reports.
 */

const A = 6378137; // GRS 80 semi-major axis
const F = 1 / 298.257222101; // GRS 80 flattening
const LON0 = (15 * Math.PI) / 180;
const K0 = 0.9996;
const FALSE_NORTHING = 0;
const FALSE_EASTING = 500000;

const E2 = F * (2 - F);
const N = F / (2 - F);
const A_HAT = (A / (1 + N)) * (1 + (N * N) / 4 + N ** 4 / 64);

// Conformal latitude from geodetic latitude.
const CA = E2;
const CB = (5 * E2 ** 2 - E2 ** 3) / 6;
const CC = (104 * E2 ** 3 - 45 * E2 ** 4) / 120;
const CD = (1237 * E2 ** 4) / 1260;

const BETA = [
  N / 2 - (2 * N ** 2) / 3 + (5 * N ** 3) / 16 + (41 * N ** 4) / 180,
  (13 * N ** 2) / 48 - (3 * N ** 3) / 5 + (557 * N ** 4) / 1440,
  (61 * N ** 3) / 240 - (103 * N ** 4) / 140,
  (49561 * N ** 4) / 161280,
] as const;

const DELTA = [
  N / 2 - (2 * N ** 2) / 3 + (37 * N ** 3) / 96 - N ** 4 / 360,
  N ** 2 / 48 + N ** 3 / 15 - (437 * N ** 4) / 1440,
  (17 * N ** 3) / 480 - (37 * N ** 4) / 840,
  (4397 * N ** 4) / 161280,
] as const;

// Geodetic latitude back from conformal latitude.
const CA_STAR = E2 + E2 ** 2 + E2 ** 3 + E2 ** 4;
const CB_STAR = -(7 * E2 ** 2 + 17 * E2 ** 3 + 30 * E2 ** 4) / 6;
const CC_STAR = (224 * E2 ** 3 + 889 * E2 ** 4) / 120;
const CD_STAR = -(4279 * E2 ** 4) / 1260;

const DEG = Math.PI / 180;

function roundMm(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function assertFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) {
    throw new RangeError(`Ogiltig koordinat: ${name} måste vara ett ändligt tal, fick ${value}.`);
  }
}

/** WGS 84 / SWEREF 99 latitude and longitude in degrees to SWEREF 99 TM metres. */
export function wgs84ToSweref99tm(lat: number, lon: number): { n: number; e: number } {
  assertFinite('latitud', lat);
  assertFinite('longitud', lon);
  const phi = lat * DEG;
  const dLambda = lon * DEG - LON0;
  const sin2 = Math.sin(phi) ** 2;
  const phiStar =
    phi - Math.sin(phi) * Math.cos(phi) * (CA + sin2 * (CB + sin2 * (CC + sin2 * CD)));
  const xiPrime = Math.atan2(Math.tan(phiStar), Math.cos(dLambda));
  const etaPrime = Math.atanh(Math.cos(phiStar) * Math.sin(dLambda));
  let xi = xiPrime;
  let eta = etaPrime;
  BETA.forEach((b, i) => {
    const j = 2 * (i + 1);
    xi += b * Math.sin(j * xiPrime) * Math.cosh(j * etaPrime);
    eta += b * Math.cos(j * xiPrime) * Math.sinh(j * etaPrime);
  });
  return {
    n: roundMm(K0 * A_HAT * xi + FALSE_NORTHING),
    e: roundMm(K0 * A_HAT * eta + FALSE_EASTING),
  };
}

/** SWEREF 99 TM northing and easting in metres to latitude and longitude in degrees. */
export function sweref99tmToWgs84(n: number, e: number): { lat: number; lon: number } {
  assertFinite('northing', n);
  assertFinite('easting', e);
  const xi = (n - FALSE_NORTHING) / (K0 * A_HAT);
  const eta = (e - FALSE_EASTING) / (K0 * A_HAT);
  let xiPrime = xi;
  let etaPrime = eta;
  DELTA.forEach((d, i) => {
    const j = 2 * (i + 1);
    xiPrime -= d * Math.sin(j * xi) * Math.cosh(j * eta);
    etaPrime -= d * Math.cos(j * xi) * Math.sinh(j * eta);
  });
  const phiStar = Math.asin(Math.sin(xiPrime) / Math.cosh(etaPrime));
  const dLambda = Math.atan2(Math.sinh(etaPrime), Math.cos(xiPrime));
  const sin2 = Math.sin(phiStar) ** 2;
  const phi =
    phiStar +
    Math.sin(phiStar) *
      Math.cos(phiStar) *
      (CA_STAR + sin2 * (CB_STAR + sin2 * (CC_STAR + sin2 * CD_STAR)));
  return { lat: phi / DEG, lon: (LON0 + dLambda) / DEG };
}
