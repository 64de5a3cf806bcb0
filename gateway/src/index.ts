import { createLogger, stopOnSignals } from '@lagesbild/http-kit';
import { loadGatewayConfig } from './config';
import { startGateway } from './server';

try {
  const config = loadGatewayConfig();
  const gateway = await startGateway(config);
  stopOnSignals(gateway);
  gateway.logger.info(
    { url: `${gateway.url}/graphql` },
    `ready at ${gateway.url}/graphql (dashboard: ${gateway.url}/dashboard${
      config.exposure.graphiql ? `, GraphiQL: ${gateway.url}/graphiql` : ''
    })`,
  );
} catch (error) {
  createLogger('gateway').fatal({ err: error }, 'could not start');
  process.exit(1);
}
