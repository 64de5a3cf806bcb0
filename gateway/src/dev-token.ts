import { type AuthConfig, isProduction, signToken } from '@lagesbild/auth';
import { authSchema, type Env, readEnv } from '@lagesbild/config';
import { parseRoll, type Roll } from '@lagesbild/domain';
import { type RouteHandler, sendJson } from '@lagesbild/http-kit';

/**
 * Whether this gateway may mint development tokens: on the generated development secret,
 * or with a shared secret when LAGESBILD_DEV_TOKENS=true says so (the tests). Never with a
 * partner's identity provider, never in production (isProduction: NODE_ENV=production or
 * GATEWAY_PRODUCTION=true).
 */
export function isDevelopment(auth: AuthConfig, env: Env): boolean {
  if (auth.keys.kind !== 'secret' || isProduction(env)) return false;
  const { LAGESBILD_DEV_TOKENS } = authSchema;
  return (
    auth.keys.development || (readEnv({ LAGESBILD_DEV_TOKENS }, env).LAGESBILD_DEV_TOKENS ?? false)
  );
}

/**
 * GET /dev/token?roll=RADET[,ANALYTIKER][&skola=…]: a development sign-in for the dashboard
 * and GraphiQL, so a new user can try every role. Only on the development secret: with
 * real keys (a partner's identity provider) the route does not exist.
 */
export function devTokenRoute(auth: AuthConfig): RouteHandler {
  return async (req, res, url) => {
    if (url.pathname !== '/dev/token' || req.method !== 'GET') return false;
    const requested = (url.searchParams.get('roll') ?? '').split(',').filter(Boolean);
    const roller = requested.map((r) => parseRoll(r));
    if (roller.length === 0 || roller.some((r) => r === undefined)) {
      sendJson(res, 400, {
        error: `Ange en eller flera roller: ?roll=RADET (okänd: ${requested.join(', ') || 'ingen'})`,
      });
      return true;
    }
    const token = await signToken(auth, {
      roller: roller as Roll[],
      skolaId: url.searchParams.get('skola'),
    });
    res.setHeader('cache-control', 'no-store');
    sendJson(res, 200, { token, roller });
    return true;
  };
}
